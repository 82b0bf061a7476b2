import { z } from 'zod'
import { CameraConfigSchema, CameraHealthSchema, CameraIdSchema, CameraUpdateSchema, CameraViewSchema, RtspTransportSchema } from './camera'
import { SettingsPatchSchema, SettingsSchema } from './settings'

/**
 * The one API between the screen and the core. Both transports (MessagePort in the desktop app,
 * WebSocket in the headless host) carry exactly these calls and events; the core validates every
 * input against these schemas before a handler sees it.
 *
 * `access` is declared once per method. 'public' calls are reachable before anyone signs in;
 * every other value names the permission the core checks on each call.
 */
export const PERMISSIONS = ['camera.view', 'camera.configure', 'settings.workstation'] as const
export type Permission = (typeof PERMISSIONS)[number]
export type Access = 'public' | Permission

interface MethodSpec<I extends z.ZodTypeAny, O extends z.ZodTypeAny> {
  input: I
  output: O
  access: Access
}

const method = <I extends z.ZodTypeAny, O extends z.ZodTypeAny>(spec: MethodSpec<I, O>): MethodSpec<I, O> => spec

const NoInput = z.object({}).strict()
const CameraRef = z.object({ cameraId: CameraIdSchema }).strict()

export const AssetStatusSchema = z.object({
  id: z.string(),
  kind: z.string(),
  present: z.boolean(),
  path: z.string()
})

export const ThirdPartyNoticeSchema = z.object({
  name: z.string(),
  licence: z.string(),
  url: z.string(),
  attribution: z.string().optional()
})

export const AppInfoSchema = z.object({
  product: z.literal('Vigie'),
  version: z.string(),
  mode: z.enum(['desktop', 'browser']),
  demo: z.boolean(),
  ffmpeg: z.object({ available: z.boolean(), source: z.string().optional(), message: z.string().optional() }),
  /** Set when the camera configuration file does not validate: the wall runs without it until fixed. */
  configError: z.string().optional()
})
export type AppInfo = z.infer<typeof AppInfoSchema>

export const CameraProbeResultSchema = z.object({
  reachable: z.boolean(),
  codec: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  message: z.string()
})
export type CameraProbeResult = z.infer<typeof CameraProbeResultSchema>

export const StreamDescriptorSchema = z.object({
  cameraId: CameraIdSchema,
  /** WebSocket URL carrying fragmented MP4 (see media-frames.ts); it holds its own access token. */
  url: z.string()
})
export type StreamDescriptor = z.infer<typeof StreamDescriptorSchema>

export const contract = {
  'app.info': method({ input: NoInput, output: AppInfoSchema, access: 'public' }),
  'app.notices': method({ input: NoInput, output: z.array(ThirdPartyNoticeSchema), access: 'public' }),
  'app.assets': method({ input: NoInput, output: z.array(AssetStatusSchema), access: 'public' }),

  'cameras.list': method({ input: NoInput, output: z.array(CameraViewSchema), access: 'camera.view' }),
  'cameras.health': method({
    input: NoInput,
    output: z.record(CameraIdSchema, CameraHealthSchema),
    access: 'camera.view'
  }),
  'cameras.add': method({ input: CameraConfigSchema, output: CameraViewSchema, access: 'camera.configure' }),
  'cameras.update': method({ input: CameraUpdateSchema, output: CameraViewSchema, access: 'camera.configure' }),
  'cameras.remove': method({ input: CameraRef, output: z.object({ removed: z.literal(true) }), access: 'camera.configure' }),
  'cameras.probe': method({
    // Either an address being typed, or a stored camera (whose credentials the screen never sees).
    input: z.union([
      z.object({ source: z.string().trim().min(1).max(2048), rtspTransport: RtspTransportSchema.default('tcp') }).strict(),
      CameraRef
    ]),
    output: CameraProbeResultSchema,
    access: 'camera.configure'
  }),

  'live.open': method({ input: CameraRef, output: StreamDescriptorSchema, access: 'camera.view' }),

  'settings.get': method({ input: NoInput, output: SettingsSchema, access: 'settings.workstation' }),
  'settings.update': method({ input: SettingsPatchSchema, output: SettingsSchema, access: 'settings.workstation' })
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>
/** What a handler receives: the input after validation and defaults. */
export type HandlerInput<M extends MethodName> = z.output<Contract[M]['input']>

/** Events the core pushes to every connected screen. Named for what happened. */
export const events = {
  /** The demo site comes and goes with the first configured camera; the header follows. */
  'app.onDidChangeInfo': AppInfoSchema,
  'cameras.onDidChangeHealth': z.object({ cameraId: CameraIdSchema, health: CameraHealthSchema }),
  'cameras.onDidChangeList': z.object({ cameras: z.array(CameraViewSchema) })
} as const

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}
