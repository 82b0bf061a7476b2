import { z } from 'zod'
import { ERROR_CODES } from '../result'

/** Wire messages. Kept tiny and validated on arrival: a peer may be a forged page or a buggy build. */
export const RequestMessageSchema = z
  .object({ kind: z.literal('request'), id: z.number().int().nonnegative(), method: z.string().max(100), input: z.unknown() })
  .strict()

export const ResponseMessageSchema = z
  .object({
    kind: z.literal('response'),
    id: z.number().int().nonnegative(),
    result: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }).strict(),
      z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).strict() }).strict()
    ])
  })
  .strict()

export const EventMessageSchema = z
  .object({ kind: z.literal('event'), event: z.string(), payload: z.unknown() })
  .strict()

export type RequestMessage = z.infer<typeof RequestMessageSchema>
export type ResponseMessage = z.infer<typeof ResponseMessageSchema>
export type EventMessage = z.infer<typeof EventMessageSchema>
export type RpcMessage = RequestMessage | ResponseMessage | EventMessage
