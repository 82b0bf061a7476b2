import type { ModuleStatus } from '../../../../electron/shared/compliance'

/** Approvals that count: those given on the dossier as it is now. */
export function currentApprovals(module: ModuleStatus): number {
  return module.approvals.filter((approval) => approval.current).length
}
