import type { Role, UserView } from '../../../../electron/shared/accounts'
import type { NewUser, UserChanges } from '../../stores/users-store'
import { parseCommaList } from '../../text/comma-list'

export interface UserFormValues {
  username: string
  displayName: string
  roles: Role[]
  /** As typed: « centre-ville, gare ». */
  groups: string
  allGroups: boolean
  password: string
  disabled: boolean
}

export function emptyUserForm(): UserFormValues {
  return { username: '', displayName: '', roles: ['operator'], groups: '', allGroups: false, password: '', disabled: false }
}

export function userFormFrom(user: UserView): UserFormValues {
  return {
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    groups: user.groups.join(', '),
    allGroups: user.allGroups,
    password: '',
    disabled: user.disabled
  }
}

export function toggleRole(roles: readonly Role[], role: Role, on: boolean): Role[] {
  return on ? [...new Set([...roles, role])] : roles.filter((other) => other !== role)
}

export function toNewUser(values: UserFormValues): NewUser {
  return {
    username: values.username,
    displayName: values.displayName,
    roles: values.roles,
    groups: parseCommaList(values.groups),
    allGroups: values.allGroups,
    password: values.password
  }
}

export function toUserChanges(id: number, values: UserFormValues): UserChanges {
  return {
    id,
    displayName: values.displayName,
    roles: values.roles,
    groups: parseCommaList(values.groups),
    allGroups: values.allGroups,
    disabled: values.disabled
  }
}
