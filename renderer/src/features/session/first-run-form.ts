import type { DeployerType } from '../../../../electron/shared/accounts'
import type { FirstAdminInput } from '../../stores/session-store'

export interface FirstRunValues {
  orgName: string
  /** Empty until chosen: the deployer type has legal consequences, so there is no default. */
  deployer: DeployerType | ''
  dpoContact: string
  username: string
  displayName: string
  password: string
  confirmation: string
}

export function emptyFirstRun(): FirstRunValues {
  return { orgName: '', deployer: '', dpoContact: '', username: '', displayName: '', password: '', confirmation: '' }
}

/** What only the screen can check (the core never sees the confirmation); the core checks the rest. */
export type FirstRunProblem = 'deployerMissing' | 'mismatch'

export type FirstRunCheck = { ok: true; input: FirstAdminInput } | { ok: false; problem: FirstRunProblem }

/** Values go as typed; idle timeout and audit retention take the core's defaults until changed. */
export function checkFirstRun(values: FirstRunValues): FirstRunCheck {
  if (values.deployer === '') return { ok: false, problem: 'deployerMissing' }
  if (values.password !== values.confirmation) return { ok: false, problem: 'mismatch' }
  return {
    ok: true,
    input: {
      organisation: { name: values.orgName, deployer: values.deployer, dpoContact: values.dpoContact },
      username: values.username,
      displayName: values.displayName,
      password: values.password
    }
  }
}
