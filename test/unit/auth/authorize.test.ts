import { describe, expect, it } from 'vitest'
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '../../../electron/shared/accounts'
import { contract, type Access, type MethodName } from '../../../electron/shared/contract'
import { RpcError } from '../../../electron/shared/result'
import { authorize, cameraScope } from '../../../electron/core/auth/authorize'
import type { ActiveSession, SessionState } from '../../../electron/core/auth/session-manager'
import { userView } from './support'

const METHOD: MethodName = 'users.list'

function session(roles: Role[], state: SessionState = 'active'): ActiveSession {
  return {
    id: 's-1',
    token: 't'.repeat(43),
    user: userView({ roles }),
    workstation: 'poste-1',
    openedAt: 0,
    expiresAt: Number.MAX_SAFE_INTEGER,
    lastActivityAt: 0,
    state
  }
}

/** The code authorize refused with, or 'allowed'. */
function verdict(access: Access, current: ActiveSession | null, method: MethodName = METHOD): string {
  try {
    authorize(access, { session: current }, method)
    return 'allowed'
  } catch (error) {
    if (!(error instanceof RpcError)) throw error
    return error.code
  }
}

function messageOf(access: Access, current: ActiveSession | null): string {
  try {
    authorize(access, { session: current }, METHOD)
  } catch (error) {
    return (error as Error).message
  }
  return ''
}

const grants = (role: Role, permission: Permission): boolean => (ROLE_PERMISSIONS[permission] as readonly Role[]).includes(role)

describe('authorize', () => {
  it('lets anyone call public methods: signed out, locked or signed in', () => {
    expect(verdict('public', null)).toBe('allowed')
    for (const role of ROLES) {
      expect(verdict('public', session([role], 'locked'))).toBe('allowed')
      expect(verdict('public', session([role]))).toBe('allowed')
    }
  })

  it('asks a signed-out caller to sign in for everything else', () => {
    for (const access of ['unlock', ...PERMISSIONS] as const) expect(verdict(access, null)).toBe('UNAUTHENTICATED')
    expect(messageOf('camera.view', null)).toMatch(/^Connectez-vous/)
  })

  it('lets a locked session unlock and nothing more, whatever its roles', () => {
    const locked = session(['admin', 'supervisor', 'dpo', 'operator'], 'locked')
    expect(verdict('unlock', locked)).toBe('allowed')
    for (const permission of PERMISSIONS) expect(verdict(permission, locked), permission).toBe('LOCKED')
    expect(messageOf('account.self', locked)).toMatch(/^Session verrouillée/)
  })

  it('grants a signed-in role exactly the permissions of ROLE_PERMISSIONS', () => {
    for (const role of ROLES) {
      expect(verdict('unlock', session([role]))).toBe('allowed')
      for (const permission of PERMISSIONS) {
        expect(verdict(permission, session([role])), `${role} × ${permission}`).toBe(grants(role, permission) ? 'allowed' : 'FORBIDDEN')
      }
    }
  })

  it('forbids an operator to manage accounts, read the audit trail or configure cameras', () => {
    const operator = session(['operator'])
    for (const permission of ['account.manage', 'audit.read', 'camera.configure'] as const) expect(verdict(permission, operator)).toBe('FORBIDDEN')
    expect(verdict('camera.view', operator)).toBe('allowed')
    expect(messageOf('account.manage', operator)).toMatch(/^Votre rôle ne permet pas/)
  })

  it('adds up the permissions of several roles', () => {
    expect(verdict('audit.read', session(['operator', 'dpo']))).toBe('allowed')
    expect(verdict('camera.view', session(['operator', 'dpo']))).toBe('allowed')
    expect(verdict('account.manage', session(['operator', 'dpo']))).toBe('FORBIDDEN')
  })

  it('refuses a session that has ended or whose account was disabled', () => {
    expect(verdict('account.self', session(['admin'], 'ended'))).toBe('UNAUTHENTICATED')
    expect(verdict('unlock', session(['admin'], 'ended'))).toBe('UNAUTHENTICATED')
    const disabled = { ...session(['admin']), user: userView({ roles: ['admin'], disabled: true }) }
    expect(verdict('account.self', disabled)).toBe('UNAUTHENTICATED')
  })

  it('leaves no contract method out of reach: each is allowed to some role, and the account methods to the right ones', () => {
    for (const [name, spec] of Object.entries(contract) as Array<[MethodName, { access: Access }]>) {
      expect(ROLES.some((role) => verdict(spec.access, session([role]), name) === 'allowed'), name).toBe(true)
    }
    expect(verdict(contract['setup.createFirstAdmin'].access, null)).toBe('allowed')
    expect(verdict(contract['session.unlock'].access, session(['operator'], 'locked'))).toBe('allowed')
    expect(verdict(contract['users.create'].access, session(['supervisor']))).toBe('FORBIDDEN')
    expect(verdict(contract['organisation.update'].access, session(['dpo']))).toBe('FORBIDDEN')
  })
})

describe('camera scope', () => {
  it('shows an operator only the groups assigned to them', () => {
    const sees = cameraScope(userView({ roles: ['operator'], groups: ['port', 'gare'] }))
    expect(['port', 'gare', 'centre'].map(sees)).toEqual([true, true, false])
  })

  it('shows every group to administrators and to people with allGroups', () => {
    expect(cameraScope(userView({ roles: ['admin'], groups: [], allGroups: false }))('centre')).toBe(true)
    expect(cameraScope(userView({ roles: ['supervisor'], groups: [], allGroups: true }))('centre')).toBe(true)
  })

  it('shows nothing to someone with no group, or whose roles do not watch cameras', () => {
    expect(cameraScope(userView({ roles: ['operator'], groups: [] }))('port')).toBe(false)
    expect(cameraScope(userView({ roles: ['dpo'], groups: ['port'], allGroups: true }))('port')).toBe(false)
  })
})
