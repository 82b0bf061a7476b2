import {
  contract,
  events,
  isMethodName,
  type Access,
  type EventName,
  type EventPayload,
  type HandlerInput,
  type MethodName,
  type MethodOutput
} from '../contract'
import { RpcError, type Result, type RpcErrorBody } from '../result'
import { describeIssues, frenchErrorMap } from '../zod-fr'
import { RequestMessageSchema, type ResponseMessage } from './envelope'
import type { Transport } from './transport'

export type Handlers<Ctx> = {
  [M in MethodName]: (input: HandlerInput<M>, ctx: Ctx) => Promise<MethodOutput<M>> | MethodOutput<M>
}

export interface ServeOptions<Ctx> {
  handlers: Handlers<Ctx>
  /** Per-connection context (the session, once accounts exist). */
  context: Ctx
  /** Throws an RpcError when the context may not use a method with this access level. */
  authorize: (access: Access, ctx: Ctx, method: MethodName) => void
  /** Where unexpected failures are reported; the peer only ever sees a generic message. */
  onInternalError?: (method: string, error: unknown) => void
}

export interface Connection {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  close(): void
  onClose(listener: () => void): () => void
}

/**
 * Serves the contract on one transport. Every request is validated (envelope, method name, input
 * schema, access) before a handler runs; every outcome goes back as a Result, never as a stack trace.
 */
export function serveContract<Ctx>(transport: Transport, options: ServeOptions<Ctx>): Connection {
  const dispatch = async (methodName: string, rawInput: unknown): Promise<Result<unknown>> => {
    if (!isMethodName(methodName)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Méthode inconnue : ${methodName}` } }
    }
    const spec = contract[methodName]
    try {
      options.authorize(spec.access, options.context, methodName)
      const parsed = spec.input.safeParse(rawInput, { errorMap: frenchErrorMap })
      if (!parsed.success) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: describeIssues(parsed.error) } }
      }
      const handler = options.handlers[methodName] as (input: unknown, ctx: Ctx) => unknown
      const value = await handler(parsed.data, options.context)
      // The output is checked too, so a handler can never leak fields the contract does not promise.
      return { ok: true, value: spec.output.parse(value) }
    } catch (error) {
      if (error instanceof RpcError) return { ok: false, error: error.toBody() }
      options.onInternalError?.(methodName, error)
      const body: RpcErrorBody = { code: 'INTERNAL', message: 'Erreur interne du service Vigie.' }
      return { ok: false, error: body }
    }
  }

  const unsubscribe = transport.onMessage((raw) => {
    const request = RequestMessageSchema.safeParse(raw)
    if (!request.success) {
      // Nothing to answer to without a valid id: a malformed frame ends the connection.
      transport.close()
      return
    }
    const { id, method, input } = request.data
    void dispatch(method, input).then((result) => {
      const response: ResponseMessage = { kind: 'response', id, result }
      transport.send(response)
    })
  })

  const closeUnsubscribe = transport.onClose(() => unsubscribe())

  return {
    emit(event, payload) {
      transport.send({ kind: 'event', event, payload: events[event].parse(payload) })
    },
    close() {
      closeUnsubscribe()
      unsubscribe()
      transport.close()
    },
    onClose: (listener) => transport.onClose(listener)
  }
}
