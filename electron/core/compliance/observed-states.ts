import { DeployerTypeSchema, type DeployerType } from '../../shared/accounts'
import { ModuleStateSchema, type ModuleId, type ModuleState } from '../../shared/compliance'
import type { SqlExecutor } from '../store/database'

/**
 * The state each module was last seen in. Comparing with it tells what time alone changed: a document
 * expiring, a legal basis ending, a new rule pack taking effect. People's actions forget the modules
 * they touch, since they are audited where they happen and must not be reported twice.
 */

export interface ObservedState {
  deployer: DeployerType | null
  state: ModuleState
}

export function readObservedStates(sql: SqlExecutor): Map<string, ObservedState> {
  const observed = new Map<string, ObservedState>()
  for (const row of sql.all<{ module_id: string; deployer: string | null; state: string }>(
    'SELECT module_id, deployer, state FROM compliance_observed_states'
  )) {
    const state = ModuleStateSchema.safeParse(row.state)
    const deployer = row.deployer === null ? null : DeployerTypeSchema.safeParse(row.deployer)
    if (!state.success || (deployer !== null && !deployer.success)) continue
    observed.set(row.module_id, { deployer: deployer === null ? null : deployer.data, state: state.data })
  }
  return observed
}

export function writeObservedState(sql: SqlExecutor, moduleId: ModuleId, observed: ObservedState, at: number): void {
  sql.run(
    `INSERT INTO compliance_observed_states (module_id, deployer, state, observed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (module_id) DO UPDATE SET deployer = excluded.deployer, state = excluded.state, observed_at = excluded.observed_at`,
    [moduleId, observed.deployer, observed.state, at]
  )
}

export function forgetObservedStates(sql: SqlExecutor, moduleIds: readonly ModuleId[]): void {
  for (const moduleId of moduleIds) sql.run('DELETE FROM compliance_observed_states WHERE module_id = ?', [moduleId])
}
