import type { Alert } from '../../../electron/shared/alerts'
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../electron/shared/contract'
import { RpcError } from '../../../electron/shared/result'
import type { RpcClient } from '../../../electron/shared/rpc/client'

export type Handlers = Partial<{ [M in MethodName]: (input: MethodInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> }>

/** A client answering from `handlers` (any other method is refused) and letting the test push events. */
export function fakeClient(handlers: Handlers) {
  const listeners = new Map<string, Array<(payload: unknown) => void>>()
  const calls: Array<{ method: MethodName; input: unknown }> = []
  const client = {
    async call(method: MethodName, input: unknown) {
      calls.push({ method, input })
      const handler = handlers[method] as ((input: unknown) => unknown) | undefined
      if (!handler) throw new RpcError('UNKNOWN_METHOD', method)
      return handler(input)
    },
    on(event: EventName, listener: (payload: unknown) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return () => listeners.set(event, (listeners.get(event) ?? []).filter((l) => l !== listener))
    }
  } as unknown as RpcClient
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => listeners.get(event)?.forEach((listener) => listener(payload))
  return { client, calls, emit }
}

export const T0 = 1_800_000_000_000

/** A new intrusion alert on the warehouse camera, `id` seconds after T0. */
export function sampleAlert(id: number, patch: Partial<Alert> = {}): Alert {
  return {
    id,
    cameraId: 'demo-entrepot',
    ruleId: 'intrusion-sol',
    ruleName: 'Intrusion sur le sol',
    ruleKind: 'intrusion',
    moduleId: 'detection-intrusion',
    kind: 'intrusion',
    priority: 'normal',
    at: T0 + id * 1000,
    recordedAt: T0 + id * 1000 + 300,
    boxes: [],
    trackIds: [],
    details: {},
    alert: true,
    hasSnapshot: true,
    model: { id: 'nanodet-plus-416', name: 'NanoDet-Plus', scoreThreshold: 0.4, nmsIou: 0.5 },
    parameters: {},
    state: 'new',
    owner: null,
    decidedBy: null,
    decidedAt: null,
    reason: null,
    note: null,
    escalatedAt: null,
    escalatedBy: null,
    ...patch
  }
}
