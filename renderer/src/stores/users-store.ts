import { createStore, type StoreApi } from 'zustand/vanilla'
import type { UserView } from '../../../electron/shared/accounts'
import type { MethodInput } from '../../../electron/shared/contract'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import { toShownError } from '../api/errors'
import type { Loadable } from './load-status'

export type NewUser = MethodInput<'users.create'>
export type UserChanges = MethodInput<'users.update'>

export interface UsersState extends Loadable {
  users: UserView[]
  /** Loaded when the accounts screen opens: only administrators may list accounts. */
  load(): Promise<void>
  /** The mutations reject with the core's RpcError so that a dialog can show it and keep its input. */
  create(user: NewUser): Promise<UserView>
  update(changes: UserChanges): Promise<UserView>
  resetPassword(id: number, password: string): Promise<UserView>
}

export type UsersStore = StoreApi<UsersState>

function byUsername(a: UserView, b: UserView): number {
  return a.username.localeCompare(b.username, 'fr')
}

export function createUsersStore(client: RpcClient): UsersStore {
  return createStore<UsersState>()((set) => {
    // Each mutation answers with the account as the core now holds it.
    const put = (user: UserView): UserView => {
      set((state) => ({ users: [...state.users.filter((other) => other.id !== user.id), user].sort(byUsername) }))
      return user
    }

    return {
      status: 'loading',
      error: null,
      users: [],

      async load() {
        try {
          const users = await client.call('users.list', {})
          set({ status: 'ready', error: null, users: [...users].sort(byUsername) })
        } catch (error) {
          set({ status: 'error', error: toShownError(error) })
        }
      },

      create: async (user) => put(await client.call('users.create', user)),
      update: async (changes) => put(await client.call('users.update', changes)),
      resetPassword: async (id, password) => put(await client.call('users.resetPassword', { id, password }))
    }
  })
}
