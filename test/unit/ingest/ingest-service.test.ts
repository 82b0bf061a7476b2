import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CameraConfig, CameraHealth } from '../../../electron/core/ingest/camera-supervisor'
import { IngestService } from '../../../electron/core/ingest/ingest-service'
import { FakeClock, fakeSpawner, settle } from './test-support'

function setup() {
  const clock = new FakeClock()
  const spawner = fakeSpawner()
  const service = new IngestService({
    ffmpegPath: '/usr/bin/ffmpeg',
    supervisorOptions: { clock, spawn: spawner.spawn, random: () => 0.5 }
  })
  /** The fake ffmpeg processes whose arguments mention `text`. */
  const spawnedFor = (text: string) => spawner.spawned.filter((child) => child.args.some((arg) => arg.includes(text)))
  return { clock, spawner, service, spawnedFor }
}

const camA: CameraConfig = { id: 'a', source: 'rtsp://10.0.0.1/live' }
const camB: CameraConfig = { id: 'b', source: 'rtsp://10.0.0.2/live' }

describe('IngestService', () => {
  it('starts one supervised ffmpeg per camera', async () => {
    const { service, spawner } = setup()
    await service.setCameras([camA, camB])
    expect(spawner.spawned).toHaveLength(2)
    expect(service.get('a')?.camera).toEqual(camA)
    expect(service.get('missing')).toBeUndefined()
    expect(Object.keys(service.healthSnapshot())).toEqual(['a', 'b'])
    expect(service.healthSnapshot()['a']).toMatchObject({ state: 'connecting', attempt: 0 })
  })

  it('leaves unchanged cameras alone and stops removed ones', async () => {
    const { service, spawner, spawnedFor } = setup()
    await service.setCameras([camA, camB])
    const supervisorA = service.get('a')
    await service.setCameras([{ ...camA }])
    expect(service.get('a')).toBe(supervisorA)
    expect(service.get('b')).toBeUndefined()
    expect(spawnedFor('10.0.0.2')[0]?.signals).toEqual(['SIGTERM'])
    expect(spawnedFor('10.0.0.1')[0]?.signals).toEqual([])
    expect(spawner.spawned).toHaveLength(2)
  })

  it('treats defaults as equal: no restart when tcp/auto become explicit', async () => {
    const { service, spawner } = setup()
    await service.setCameras([camA])
    await service.setCameras([{ ...camA, rtspTransport: 'tcp', transcode: 'auto' }])
    expect(spawner.spawned).toHaveLength(1)
  })

  it('restarts a camera whose mask image changes, and only then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-ingest-mask-'))
    try {
      const [first, second] = ['a-1111.pgm', 'a-2222.pgm'].map((name) => join(dir, name))
      for (const path of [first, second]) writeFileSync(path, 'P5\n1 1\n255\n\0')
      const { service, spawnedFor } = setup()
      await service.setCameras([camA])
      await service.setCameras([{ ...camA, maskImage: first }])
      await service.setCameras([{ ...camA, maskImage: first }])
      await service.setCameras([{ ...camA, maskImage: second }])
      await service.setCameras([camA]) // masks removed, or lifted
      const runs = spawnedFor('10.0.0.1')
      expect(runs.map((child) => child.args.find((arg) => arg.endsWith('.pgm')) ?? null)).toEqual([null, first, second, null])
      expect(runs.slice(0, -1).map((child) => child.signals)).toEqual([['SIGTERM'], ['SIGTERM'], ['SIGTERM']])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('restarts a changed camera only after its old ffmpeg has exited, keeping its stream and viewers', async () => {
    const { service, spawnedFor } = setup()
    await service.setCameras([camA])
    const stream = service.get('a')?.stream
    const old = spawnedFor('10.0.0.1')[0]
    if (old === undefined) throw new Error('not spawned')
    old.exitOn = new Set() // slow to die

    const applied = service.setCameras([{ ...camA, source: 'rtsp://10.0.0.9/live' }])
    expect(service.get('a')?.camera.source).toBe('rtsp://10.0.0.9/live')
    await settle()
    expect(old.signals).toEqual(['SIGTERM'])
    expect(spawnedFor('10.0.0.9')).toHaveLength(0) // never two ffmpeg on one camera

    old.exit(0)
    await applied
    expect(spawnedFor('10.0.0.9')).toHaveLength(1)
    expect(service.get('a')?.stream).toBe(stream)
  })

  it('forwards health changes with the camera id', async () => {
    const { service, spawnedFor } = setup()
    const changes: Array<[string, CameraHealth]> = []
    service.onDidChangeHealth((cameraId, health) => changes.push([cameraId, health]))
    await service.setCameras([camA, { id: 'bad', source: 'not a url' }])
    expect(changes).toContainEqual(['bad', expect.objectContaining({ state: 'failed', reason: expect.objectContaining({ code: 'INVALID_URL' }) })])
    spawnedFor('10.0.0.1')[0]?.exit(1)
    await settle()
    expect(changes.at(-1)).toEqual(['a', expect.objectContaining({ state: 'reconnecting', attempt: 1 })])
  })

  it('stops forwarding the health of removed cameras', async () => {
    const { service, clock } = setup()
    const changes: string[] = []
    service.onDidChangeHealth((cameraId) => changes.push(cameraId))
    await service.setCameras([camA])
    const removed = service.get('a')
    await service.setCameras([])
    changes.length = 0
    clock.advance(60_000)
    expect(removed?.health.state).toBe('connecting')
    expect(changes).toEqual([])
  })

  it('keeps the first of duplicate ids instead of throwing at a fire-and-forget caller', async () => {
    const { service, spawner } = setup()
    await service.setCameras([camA, { ...camB, id: 'a' }])
    expect(spawner.spawned).toHaveLength(1)
    expect(service.get('a')?.camera).toEqual(camA)
  })

  it('dispose() stops every ffmpeg, resolves when they have exited, and ignores later changes', async () => {
    const { service, spawner, clock } = setup()
    await service.setCameras([camA, camB])
    for (const child of spawner.spawned) child.exitOn = new Set()
    let disposed = false
    const disposing = service.dispose().then(() => {
      disposed = true
    })
    expect(spawner.spawned.map((child) => child.signals)).toEqual([['SIGTERM'], ['SIGTERM']])
    await settle()
    expect(disposed).toBe(false)
    clock.advance(2000) // kill grace period: SIGKILL
    await disposing
    expect(spawner.spawned.map((child) => child.signals)).toEqual([['SIGTERM', 'SIGKILL'], ['SIGTERM', 'SIGKILL']])
    await service.setCameras([camA])
    expect(spawner.spawned).toHaveLength(2)
    expect(service.healthSnapshot()).toEqual({})
  })
})
