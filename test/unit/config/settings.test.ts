import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createJsonSettingsBackend } from '../../../electron/core/config/json-settings-backend'
import { createSettingsService, type SettingsBackend } from '../../../electron/core/config/settings-service'
import { emptyTiles, MAX_TILES, type Settings } from '../../../electron/shared/settings'

let dir: string
let path: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigie-settings-'))
  path = join(dir, 'settings.json')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const DEFAULTS: Settings = {
  schemaVersion: 1,
  locale: 'fr',
  wall: { layout: '2x2', tiles: emptyTiles(), focusedTile: null }
}

/** An in-memory backend that records what the service writes. */
function memoryBackend(initial: unknown): SettingsBackend & { writes: Settings[] } {
  const writes: Settings[] = []
  return {
    writes,
    read: async () => initial,
    write: async (value) => {
      writes.push(structuredClone(value))
    }
  }
}

describe('settings service', () => {
  it('starts from the defaults: French, 2x2, sixteen empty tiles, nothing focused', async () => {
    const service = await createSettingsService(memoryBackend(undefined))
    const settings = service.get()
    expect(settings).toEqual(DEFAULTS)
    expect(settings.wall.tiles).toHaveLength(MAX_TILES)
    expect(settings.wall.tiles.every((tile) => tile.cameraId === null && tile.overlays)).toBe(true)
  })

  it('merges a partial wall patch, keeping the other wall fields and the locale', async () => {
    const backend = memoryBackend(undefined)
    const service = await createSettingsService(backend)
    const tiles = emptyTiles()
    tiles[3] = { cameraId: 'parvis', overlays: false }
    await service.update({ locale: 'en', wall: { tiles } })

    const updated = await service.update({ wall: { layout: '3x3' } })
    expect(updated).toEqual({ schemaVersion: 1, locale: 'en', wall: { layout: '3x3', tiles, focusedTile: null } })

    const focused = await service.update({ wall: { focusedTile: 3 } })
    expect(focused.wall).toEqual({ layout: '3x3', tiles, focusedTile: 3 })
    expect(focused.locale).toBe('en')
    expect(backend.writes.at(-1)).toEqual(focused)
    expect(service.get()).toEqual(focused)
  })

  it('refuses an update that breaks the schema, keeping the current settings and writing nothing', async () => {
    const backend = memoryBackend(undefined)
    const service = await createSettingsService(backend)
    await expect(service.update({ wall: { focusedTile: 99 } })).rejects.toThrow()
    expect(service.get()).toEqual(DEFAULTS)
    expect(backend.writes).toEqual([])
  })

  it('recovers from a failed write: the next update is written (the write queue is not poisoned)', async () => {
    let failNext = true
    const written: Settings[] = []
    const service = await createSettingsService({
      read: async () => undefined,
      write: async (value) => {
        if (failNext) {
          failNext = false
          throw new Error('disque plein')
        }
        written.push(structuredClone(value))
      }
    })
    await expect(service.update({ wall: { layout: '3x3' } })).rejects.toThrow('disque plein')
    const saved = await service.update({ wall: { layout: '4x4' } })
    expect(saved.wall.layout).toBe('4x4')
    expect(written).toEqual([saved])
  })

  it('hands out copies: mutating what get() returned changes nothing', async () => {
    const service = await createSettingsService(memoryBackend(undefined))
    const copy = service.get()
    copy.wall.layout = '4x4'
    copy.wall.tiles[0].cameraId = 'x'
    expect(service.get()).toEqual(DEFAULTS)
  })

  it.each([
    ['an unknown layout', { wall: { layout: '5x5' } }],
    ['a wrong tile count', { wall: { tiles: [{ cameraId: null, overlays: true }] } }],
    ['an unknown key', { locale: 'fr', couleur: 'rouge' }],
    ['a non-object', 'bonjour']
  ])('falls back to the defaults without throwing on %s, and says so', async (_what, stored) => {
    const messages: string[] = []
    const backend = memoryBackend(stored)
    const service = await createSettingsService(backend, (message) => messages.push(message))
    expect(service.get()).toEqual(DEFAULTS)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain('defaults used')
    // Nothing is written until the user changes something.
    expect(backend.writes).toEqual([])
  })

  it('keeps the valid parts of a partial stored document and fills in the rest', async () => {
    const service = await createSettingsService(memoryBackend({ locale: 'en', wall: { layout: '1' } }))
    expect(service.get()).toEqual({ ...DEFAULTS, locale: 'en', wall: { ...DEFAULTS.wall, layout: '1' } })
  })
})

describe('settings in a JSON file', () => {
  it('reads nothing when the file is missing and creates it on the first update', async () => {
    const backend = createJsonSettingsBackend(path)
    expect(await backend.read()).toBeUndefined()
    const service = await createSettingsService(backend)
    expect(await readdir(dir)).toEqual([])
    await service.update({ wall: { layout: '4x4' } })
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ ...DEFAULTS, wall: { ...DEFAULTS.wall, layout: '4x4' } })
    expect(await readdir(dir)).toEqual(['settings.json'])
  })

  it('persists across a new service instance', async () => {
    const first = await createSettingsService(createJsonSettingsBackend(path))
    const tiles = emptyTiles()
    tiles[0] = { cameraId: 'demo-parvis', overlays: true }
    await first.update({ locale: 'en', wall: { layout: '1', tiles, focusedTile: 0 } })

    const second = await createSettingsService(createJsonSettingsBackend(path))
    expect(second.get()).toEqual({ schemaVersion: 1, locale: 'en', wall: { layout: '1', tiles, focusedTile: 0 } })
  })

  it('serialises quick successive updates: the file ends with the last one', async () => {
    const service = await createSettingsService(createJsonSettingsBackend(path))
    await Promise.all((['1', '3x3', '4x4', '2x2', '3x3'] as const).map((layout) => service.update({ wall: { layout } })))
    const reread = await createSettingsService(createJsonSettingsBackend(path))
    expect(reread.get().wall.layout).toBe('3x3')
  })

  it('falls back to the defaults on a valid JSON file holding an invalid document, without touching it', async () => {
    const text = JSON.stringify({ wall: { layout: '5x5' } })
    await writeFile(path, text)
    const messages: string[] = []
    const service = await createSettingsService(createJsonSettingsBackend(path, (m) => messages.push(m)), (m) => messages.push(m))
    expect(service.get()).toEqual(DEFAULTS)
    expect(messages.some((m) => m.includes('defaults used'))).toBe(true)
    expect(await readFile(path, 'utf8')).toBe(text)
  })

  it('moves an unreadable file aside with its original bytes and never overwrites it', async () => {
    const original = Buffer.from('{ "locale": "fr", "wall": { ,,, \u00e9 \n', 'utf8')
    await writeFile(path, original)
    const messages: string[] = []
    const service = await createSettingsService(createJsonSettingsBackend(path, (m) => messages.push(m)))
    expect(service.get()).toEqual(DEFAULTS)

    const entries = await readdir(dir)
    const aside = entries.filter((name) => /^settings\.json\.illisible-\d+$/u.test(name))
    expect(aside).toHaveLength(1)
    expect(entries).not.toContain('settings.json')
    expect(Buffer.compare(await readFile(join(dir, aside[0])), original)).toBe(0)
    expect(messages.join('\n')).toContain(aside[0])

    // Saving new settings writes a fresh settings.json; the damaged copy stays as it was.
    await service.update({ wall: { layout: '3x3' } })
    expect(JSON.parse(await readFile(path, 'utf8')).wall.layout).toBe('3x3')
    expect(Buffer.compare(await readFile(join(dir, aside[0])), original)).toBe(0)
  })
})
