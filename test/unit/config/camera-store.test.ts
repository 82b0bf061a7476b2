import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CameraConfig } from '../../../electron/shared/camera'
import { RpcError } from '../../../electron/shared/result'
import { CameraStore, parseCamerasFile } from '../../../electron/core/config/camera-store'

let dir: string
let path: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigie-camera-store-'))
  path = join(dir, 'cameras.json')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function camera(id: string, overrides: Partial<CameraConfig> = {}): CameraConfig {
  return {
    id,
    name: `Caméra ${id}`,
    source: `rtsp://10.0.0.${id.length}/live`,
    rtspTransport: 'tcp',
    transcode: 'auto',
    group: 'default',
    enabled: true,
    analytics: [],
    ...overrides
  }
}

async function readBack(): Promise<{ version: number; cameras: CameraConfig[] }> {
  return JSON.parse(await readFile(path, 'utf8')) as { version: number; cameras: CameraConfig[] }
}

/** Captures the rejection of a promise, failing the test if it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the promise to reject')
}

/** Asserts that every write is refused with CONFLICT and leaves the file's bytes exactly as they were. */
async function expectWritesRefused(store: CameraStore, original: Buffer): Promise<void> {
  for (const write of [() => store.add(camera('nouvelle')), () => store.update(camera('nouvelle')), () => store.remove('nouvelle')]) {
    const error = await rejectionOf(write())
    expect(error).toBeInstanceOf(RpcError)
    expect((error as RpcError).code).toBe('CONFLICT')
    expect((error as RpcError).message).toBe(store.error)
  }
  expect(Buffer.compare(await readFile(path), original)).toBe(0)
  // No temp file was left behind either: nothing was even attempted.
  expect(await readdir(dir)).toEqual(['cameras.json'])
}

describe('CameraStore', () => {
  it('opens on a missing file with an empty list and no error, without creating the file', async () => {
    const store = await CameraStore.open(path)
    expect(store.list()).toEqual([])
    expect(store.error).toBeNull()
    expect(store.find('x')).toBeUndefined()
    expect(await readdir(dir)).toEqual([])
  })

  it('persists add, update and remove to disk as a versioned JSON document', async () => {
    const store = await CameraStore.open(path)
    await store.add(camera('hall'))
    await store.add(camera('parking', { rtspTransport: 'udp' }))
    expect(await readBack()).toEqual({ version: 1, cameras: [camera('hall'), camera('parking', { rtspTransport: 'udp' })] })

    // Replaced by rename (a new inode), never rewritten in place, and private to the user: sources hold passwords.
    const inodeBefore = (await stat(path)).ino
    await store.update(camera('hall', { name: 'Hall d’accueil', enabled: false }))
    const after = await stat(path)
    expect(after.ino).not.toBe(inodeBefore)
    expect(after.mode & 0o777).toBe(0o600)
    expect((await readBack()).cameras[0]).toEqual(camera('hall', { name: 'Hall d’accueil', enabled: false }))
    expect(store.find('hall')?.name).toBe('Hall d’accueil')

    await store.remove('parking')
    expect(await readBack()).toEqual({ version: 1, cameras: [camera('hall', { name: 'Hall d’accueil', enabled: false })] })
    expect(store.list().map((c) => c.id)).toEqual(['hall'])

    // Atomic replacement: only the file itself remains, no temp sibling.
    expect(await readdir(dir)).toEqual(['cameras.json'])
    // A fresh store reads back what was written.
    const reopened = await CameraStore.open(path)
    expect(reopened.error).toBeNull()
    expect(reopened.list()).toEqual(store.list())
  })

  it('hands out copies: mutating a listed camera does not change the store', async () => {
    const store = await CameraStore.open(path)
    await store.add(camera('hall'))
    const [listed] = store.list()
    listed.name = 'modifié'
    expect(store.find('hall')?.name).toBe('Caméra hall')
  })

  it('refuses a duplicate id with CONFLICT and leaves the file unchanged', async () => {
    const store = await CameraStore.open(path)
    await store.add(camera('hall'))
    const before = await readFile(path)
    const error = await rejectionOf(store.add(camera('hall', { name: 'Autre' })))
    expect(error).toBeInstanceOf(RpcError)
    expect((error as RpcError).code).toBe('CONFLICT')
    expect((error as RpcError).message).toContain('hall')
    expect(Buffer.compare(await readFile(path), before)).toBe(0)
    expect(store.list()).toEqual([camera('hall')])
  })

  it('answers NOT_FOUND when updating or removing an unknown camera', async () => {
    const store = await CameraStore.open(path)
    const update = await rejectionOf(store.update(camera('fantome')))
    const remove = await rejectionOf(store.remove('fantome'))
    expect((update as RpcError).code).toBe('NOT_FOUND')
    expect((remove as RpcError).code).toBe('NOT_FOUND')
    expect(await readdir(dir)).toEqual([])
  })

  it('keeps working after a refused write (the write queue is not poisoned)', async () => {
    const store = await CameraStore.open(path)
    await store.add(camera('hall'))
    await expect(store.add(camera('hall'))).rejects.toBeInstanceOf(RpcError)
    await store.add(camera('quai'))
    expect((await readBack()).cameras.map((c) => c.id)).toEqual(['hall', 'quai'])
  })

  it('names an unknown top-level key, lists nothing, and refuses every write without touching the file', async () => {
    const text = `${JSON.stringify({ version: 1, cameras: [camera('hall')], extra: true }, null, 2)}\n`
    await writeFile(path, text)
    const original = await readFile(path)
    const store = await CameraStore.open(path)
    expect(store.error).toContain('extra')
    expect(store.error).toContain('clé inconnue')
    expect(store.error).toContain(path)
    expect(store.list()).toEqual([])
    await expectWritesRefused(store, original)
  })

  it('names an unknown key inside a camera, with its position', async () => {
    const bad = { ...camera('hall'), motDePasse: 'secret' }
    await writeFile(path, JSON.stringify({ version: 1, cameras: [camera('quai'), bad] }))
    const original = await readFile(path)
    const store = await CameraStore.open(path)
    expect(store.error).toContain('motDePasse')
    expect(store.error).toContain('cameras.1')
    expect(store.list()).toEqual([])
    await expectWritesRefused(store, original)
  })

  it('reports invalid JSON readably and leaves the file untouched', async () => {
    await writeFile(path, '{ "version": 1, "cameras": [ ')
    const original = await readFile(path)
    const store = await CameraStore.open(path)
    expect(store.error).toMatch(/^Configuration des caméras invalide/)
    expect(store.error).toContain('JSON illisible')
    expect(store.error).toContain("Le fichier n'a pas été modifié")
    expect(store.list()).toEqual([])
    await expectWritesRefused(store, original)
  })

  it('reports duplicate ids in the file, naming the id', async () => {
    await writeFile(path, JSON.stringify({ version: 1, cameras: [camera('hall'), camera('quai'), camera('hall', { name: 'Bis' })] }))
    const original = await readFile(path)
    const store = await CameraStore.open(path)
    expect(store.error).toContain('identifiant en double « hall »')
    expect(store.error).toContain('cameras.2.id')
    expect(store.list()).toEqual([])
    await expectWritesRefused(store, original)
  })

  it('recovers on reload once an admin fixed the file by hand', async () => {
    await writeFile(path, JSON.stringify({ version: 2, cameras: [] }))
    const store = await CameraStore.open(path)
    expect(store.error).toContain('version')
    await writeFile(path, JSON.stringify({ version: 1, cameras: [camera('hall')] }))
    await store.reload()
    expect(store.error).toBeNull()
    expect(store.list()).toEqual([camera('hall')])
    await store.add(camera('quai'))
    expect((await readBack()).cameras.map((c) => c.id)).toEqual(['hall', 'quai'])
  })

  it('applies schema defaults to hand-written cameras', () => {
    const file = parseCamerasFile(path, JSON.stringify({ version: 1, cameras: [{ id: 'hall', name: 'Hall', source: '/srv/hall.mp4' }] }))
    expect(file.cameras[0]).toEqual({
      id: 'hall',
      name: 'Hall',
      source: '/srv/hall.mp4',
      rtspTransport: 'tcp',
      transcode: 'auto',
      group: 'default',
      enabled: true,
      analytics: []
    })
  })

  it('serialises concurrent adds: all ten persist, none lost', async () => {
    const store = await CameraStore.open(path)
    const ids = Array.from({ length: 10 }, (_, i) => `cam-${i}`)
    const added = await Promise.all(ids.map((id) => store.add(camera(id))))
    expect(added.map((c) => c.id)).toEqual(ids)
    expect(store.list().map((c) => c.id)).toEqual(ids)
    expect((await readBack()).cameras.map((c) => c.id)).toEqual(ids)
    expect(await readdir(dir)).toEqual(['cameras.json'])
  })

  it('serialises a mix of concurrent writes, refusing only the conflicting one', async () => {
    const store = await CameraStore.open(path)
    await store.add(camera('hall'))
    const outcomes = await Promise.allSettled([
      store.add(camera('quai')),
      store.update(camera('hall', { name: 'Hall rénové' })),
      store.add(camera('quai')),
      store.remove('hall'),
      store.add(camera('parvis'))
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled'])
    expect(((outcomes[2] as PromiseRejectedResult).reason as RpcError).code).toBe('CONFLICT')
    expect((await readBack()).cameras.map((c) => c.id)).toEqual(['quai', 'parvis'])
  })
})
