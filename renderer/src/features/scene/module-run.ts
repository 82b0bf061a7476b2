import type { AnalyticsRunStatus, ModuleId } from '../../../../electron/shared/compliance'

/** Whether a rule's module runs on a camera, as an operator needs to hear it. */
export type ModuleRunState =
  | { kind: 'running'; since: number; framesAnalysed: number }
  /** The core's own words on why not (« verrouillé : AIPD manquante »). */
  | { kind: 'stopped'; reason: string }
  /** The camera does not ask for the module: it will not run whatever the compliance lock says. */
  | { kind: 'notRequested' }
  | { kind: 'unreported' }

export function moduleRunState(
  requested: readonly ModuleId[],
  runs: Partial<Record<ModuleId, AnalyticsRunStatus>> | undefined,
  moduleId: ModuleId
): ModuleRunState {
  const run = runs?.[moduleId]
  if (run) return run.running ? { kind: 'running', since: run.since, framesAnalysed: run.framesAnalysed } : { kind: 'stopped', reason: run.reason }
  if (!requested.includes(moduleId)) return { kind: 'notRequested' }
  return { kind: 'unreported' }
}

/** Whether anything analyses this camera right now: overlays are drawn only then. */
export function anyModuleRunning(runs: Partial<Record<ModuleId, AnalyticsRunStatus>> | undefined): boolean {
  return Object.values(runs ?? {}).some((run) => run?.running === true)
}
