import { rename } from 'node:fs/promises'
import type { Settings } from '../../shared/settings'
import { readFileIfExists, writeFileAtomic } from '../fs/atomic-file'
import type { SettingsBackend } from './settings-service'

/** Settings in a plain JSON file (headless host). An unreadable file is moved aside, never overwritten. */
export function createJsonSettingsBackend(path: string, log: (message: string) => void = () => {}): SettingsBackend {
  return {
    async read() {
      const text = await readFileIfExists(path)
      if (text === null) return undefined
      try {
        return JSON.parse(text) as unknown
      } catch {
        const aside = `${path}.illisible-${Date.now()}`
        await rename(path, aside)
        log(`settings: unreadable ${path} kept as ${aside}`)
        return undefined
      }
    },
    async write(value: Settings) {
      await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`)
    }
  }
}
