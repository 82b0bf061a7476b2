import type { ShownError } from '../api/errors'

/** Where a store stands with its first load from the core. */
export type LoadStatus = 'loading' | 'ready' | 'error'

export interface Loadable {
  status: LoadStatus
  error: ShownError | null
}
