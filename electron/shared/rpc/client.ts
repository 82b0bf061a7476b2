import { events, type EventName, type EventPayload, type MethodInput, type MethodName, type MethodOutput } from '../contract'
import { RpcError, type Result } from '../result'
import { EventMessageSchema, ResponseMessageSchema } from './envelope'
import { Listeners, type Transport } from './transport'

export interface RpcClient {
  /** Resolves with the value, or rejects with an RpcError carrying the core's code and message. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  /** Same call, but the outcome as a Result: handy where a failure is an expected answer. */
  request<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  onClose(listener: () => void): () => void
  close(): void
}

interface Pending {
  resolve: (result: Result<unknown>) => void
  timer: ReturnType<typeof setTimeout>
}

export interface ClientOptions {
  timeoutMs?: number
}

export function createRpcClient(transport: Transport, options: ClientOptions = {}): RpcClient {
  const timeoutMs = options.timeoutMs ?? 30_000
  const pending = new Map<number, Pending>()
  const eventListeners = new Map<string, Listeners<[unknown]>>()
  let nextId = 1
  let closed = false

  transport.onMessage((raw) => {
    const response = ResponseMessageSchema.safeParse(raw)
    if (response.success) {
      const entry = pending.get(response.data.id)
      if (!entry) return
      pending.delete(response.data.id)
      clearTimeout(entry.timer)
      entry.resolve(response.data.result as Result<unknown>)
      return
    }
    const event = EventMessageSchema.safeParse(raw)
    if (event.success && Object.prototype.hasOwnProperty.call(events, event.data.event)) {
      const schema = events[event.data.event as EventName]
      const payload = schema.safeParse(event.data.payload)
      if (payload.success) eventListeners.get(event.data.event)?.emit(payload.data)
    }
  })

  transport.onClose(() => {
    closed = true
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer)
      entry.resolve({ ok: false, error: { code: 'TRANSPORT_CLOSED', message: 'Connexion au service Vigie perdue.' } })
      pending.delete(id)
    }
  })

  const request = <M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> =>
    new Promise((resolve) => {
      if (closed) {
        resolve({ ok: false, error: { code: 'TRANSPORT_CLOSED', message: 'Connexion au service Vigie perdue.' } })
        return
      }
      const id = nextId++
      const timer = setTimeout(() => {
        pending.delete(id)
        resolve({ ok: false, error: { code: 'TIMEOUT', message: `Le service n'a pas répondu (${method}).` } })
      }, timeoutMs)
      pending.set(id, { resolve: resolve as (r: Result<unknown>) => void, timer })
      transport.send({ kind: 'request', id, method, input: input ?? {} })
    })

  return {
    request,
    async call(method, input) {
      const result = await request(method, input)
      if (!result.ok) throw new RpcError(result.error.code, result.error.message)
      return result.value
    },
    on(event, listener) {
      let set = eventListeners.get(event)
      if (!set) {
        set = new Listeners<[unknown]>()
        eventListeners.set(event, set)
      }
      return set.add(listener as (payload: unknown) => void)
    },
    onClose: (listener) => transport.onClose(listener),
    close: () => transport.close()
  }
}
