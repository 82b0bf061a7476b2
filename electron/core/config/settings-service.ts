import { SettingsSchema, type Settings, type SettingsPatch } from '../../shared/settings'

/**
 * Where workstation settings live: electron-store in the desktop app, a JSON file in the headless
 * host. Both hold the same document, validated by the same schema here.
 */
export interface SettingsBackend {
  read(): Promise<unknown>
  write(value: Settings): Promise<void>
}

export interface SettingsService {
  get(): Settings
  update(patch: SettingsPatch): Promise<Settings>
}

export async function createSettingsService(
  backend: SettingsBackend,
  log: (message: string) => void = () => {}
): Promise<SettingsService> {
  const stored = await backend.read()
  const parsed = SettingsSchema.safeParse(stored ?? {})
  let current: Settings
  if (parsed.success) {
    current = parsed.data
  } else {
    // A damaged settings file costs the user a layout, not the app: start from defaults.
    log(`settings: stored settings ignored (${parsed.error.issues[0]?.message ?? 'invalid'}); defaults used`)
    current = SettingsSchema.parse({})
  }
  let writes: Promise<unknown> = Promise.resolve()

  return {
    get: () => structuredClone(current),
    async update(patch) {
      const next = SettingsSchema.parse({
        ...current,
        ...(patch.locale ? { locale: patch.locale } : {}),
        wall: { ...current.wall, ...(patch.wall ?? {}) }
      })
      current = next
      writes = writes.catch(() => undefined).then(() => backend.write(next))
      await writes
      return structuredClone(next)
    }
  }
}
