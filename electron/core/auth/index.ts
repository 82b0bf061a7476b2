/** Accounts, passwords, sessions and the access check: what the rest of the core uses. */
export { AccountService, type AccountServiceOptions, type CredentialCheck, type NewAccount, type NewUser, type UserUpdate } from './account-service'
export { authorize, cameraScope, type AuthContext } from './authorize'
export { LOCKOUT_THRESHOLD, lockoutDelayMs } from './lockout-policy'
export { DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './password-hash'
export {
  COMMON_PASSWORDS_FILE,
  loadCommonPasswords,
  passwordProblems,
  type CommonPasswords,
  type PasswordProblem,
  type PasswordRule
} from './password-policy'
export {
  SESSION_MAX_AGE_MS,
  SessionManager,
  type ActiveSession,
  type EndListener,
  type LockListener,
  type SessionEndReason,
  type SessionManagerOptions,
  type SessionState
} from './session-manager'
