import type { MethodInput, MethodName, MethodOutput } from '../../../electron/shared/contract'
import { RpcError, type Result, type RpcErrorBody } from '../../../electron/shared/result'
import type { RpcClient } from '../../../electron/shared/rpc/client'

/**
 * The same client, but every refused call is also shown to `onFailure`. The screens' calls go through
 * it so that a refusal caused by the session (locked while idle, ended elsewhere) reaches the session
 * layer, whichever screen happened to make the call.
 */
export function observeFailures(client: RpcClient, onFailure: (error: RpcErrorBody, method: MethodName) => void): RpcClient {
  const request = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> => {
    const result = await client.request(method, input)
    if (!result.ok) onFailure(result.error, method)
    return result
  }
  return {
    request,
    async call(method, input) {
      const result = await request(method, input)
      if (!result.ok) throw new RpcError(result.error.code, result.error.message)
      return result.value
    },
    on: (event, listener) => client.on(event, listener),
    onClose: (listener) => client.onClose(listener),
    close: () => client.close()
  }
}
