import { useEffect, useState } from 'react'
import type { MethodName, MethodOutput } from '../../../../electron/shared/contract'
import { useApi } from '../../api/api-context'
import { toShownError, type ShownError } from '../../api/errors'

export type QueryState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: ShownError }

/** One read-only call without input, made when the screen opens (for data nobody else keeps). */
export function useCoreQuery<M extends MethodName>(method: M & ('app.notices' | 'app.assets')): QueryState<MethodOutput<M>> {
  const api = useApi()
  const [state, setState] = useState<QueryState<MethodOutput<M>>>({ status: 'loading' })
  useEffect(() => {
    let current = true
    api.call(method, {}).then(
      (value) => {
        if (current) setState({ status: 'ready', value })
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', error: toShownError(error) })
      }
    )
    return () => {
      current = false
    }
  }, [api, method])
  return state
}
