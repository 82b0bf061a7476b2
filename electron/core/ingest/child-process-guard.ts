import { spawn } from 'node:child_process'
import type { Readable } from 'node:stream'

/**
 * Spawns ffmpeg children and makes sure none outlives this process.
 *
 * - Normal shutdown: the owners stop their children (SIGTERM, then SIGKILL).
 * - `process.exit()` or the end of the event loop: a synchronous 'exit' handler SIGKILLs whatever is
 *   still running (nothing asynchronous can run at that point, and SIGKILL cannot be ignored).
 * - This process SIGKILLed or crashing: no handler runs. The children then die of EPIPE on their next
 *   write to the stdout pipe we held. One that writes nothing (its camera went silent) is ended by its
 *   own I/O timeout (`-timeout` / `-rw_timeout`, see ffmpeg-args.ts), after which it exits.
 */

/** The part of a child process the supervisors use; a fake can implement it in tests. */
export interface SpawnedProcess {
  readonly pid?: number | undefined
  readonly stdout: Readable
  readonly stderr: Readable
  kill(signal: NodeJS.Signals): boolean
  /** Emitted when the process could not be spawned (and when a signal could not be sent). */
  on(event: 'error', listener: (error: Error) => void): this
  /** Emitted once the process has exited and its stdio are closed. */
  on(event: 'close', listener: (code: number | null, signal: NodeJS.Signals | null) => void): this
}

export type SpawnProcess = (command: string, args: readonly string[]) => SpawnedProcess

const running = new Set<SpawnedProcess>()
let exitHandlerInstalled = false

/** Spawns with stdin ignored (ffmpeg must never read a terminal) and the child tracked until it closes. */
export const spawnGuarded: SpawnProcess = (command, args) => {
  installExitHandler()
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
  running.add(child)
  child.on('close', () => running.delete(child))
  return child
}

/** Installed once per process, whatever the number of services and supervisors. */
export function installExitHandler(): void {
  if (exitHandlerInstalled) return
  exitHandlerInstalled = true
  process.on('exit', killAllGuardedSync)
}

/** SIGKILLs every child still running. Synchronous, so it can run in an 'exit' handler. */
export function killAllGuardedSync(): void {
  for (const child of running) {
    try {
      child.kill('SIGKILL')
    } catch {
      // Already gone: nothing left to do for this one.
    }
  }
}

export function guardedProcessCount(): number {
  return running.size
}
