import { afterEach, describe, expect, it } from 'vitest'
import type { ModuleId } from '../../../electron/shared/compliance'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EMPTY_SCENE, SceneSchema } from '../../../electron/shared/scene'
import { SharedPlateReader } from '../../../electron/core/lapi/shared-plate-reader'
import { AnalyticsSupervisor, type ModuleGate } from '../../../electron/core/analytics/analytics-supervisor'
import { guardedProcessCount } from '../../../electron/core/ingest/child-process-guard'
import type { DirectoryCamera } from '../../../electron/core/config/camera-directory'
import { ffmpegForTests, makeH264Clip } from '../../fixtures/make-clip'
import { waitFor } from '../../fixtures/core-harness'

/** A lock whose answer the test sets by hand. */
class ManualGate implements ModuleGate {
  allowed = new Set<string>()
  canRun(moduleId: ModuleId, cameraId: string) {
    return this.allowed.has(`${cameraId}/${moduleId}`)
      ? { allowed: true, reason: '' }
      : { allowed: false, reason: 'Comptage de personnes verrouillé : AIPD manquante' }
  }
}

/**
 * These tests are about the lock's authority over the feeds, not about detection: a detector that
 * sees nothing keeps them fast. The real chain is tested in test/integration.
 */
const blindDetector = {
  detector: { detectTimed: async () => ({ detections: [], timings: { preprocessMs: 0, inferenceMs: 0, postprocessMs: 0 } }) },
  model: { id: 'none', name: 'none', scoreThreshold: 0.5, nmsIou: 0.5 }
}
const withoutDetection = {
  detector: async () => blindDetector,
  scene: () => EMPTY_SCENE,
  onEvent: () => undefined
}

async function camera(analytics: ModuleId[]): Promise<DirectoryCamera> {
  return {
    id: 'parvis',
    name: 'Parvis',
    source: await makeH264Clip(),
    rtspTransport: 'tcp',
    transcode: 'auto',
    group: 'default',
    enabled: true,
    analytics,
    demo: false
  }
}

describe('AnalyticsSupervisor', () => {
  let supervisor: AnalyticsSupervisor | null = null

  afterEach(async () => {
    await supervisor?.dispose()
    supervisor = null
  })

  it('starts nothing while the lock refuses, and says why', async () => {
    const gate = new ManualGate()
    const cameras = [await camera(['comptage-personnes'])]
    const before = guardedProcessCount()
    supervisor = new AnalyticsSupervisor({ ffmpegPath: ffmpegForTests(), gate, cameras: () => cameras, intervalMs: 100, ...withoutDetection })
    await supervisor.start()
    expect(supervisor.snapshot()).toEqual([
      expect.objectContaining({ cameraId: 'parvis', moduleId: 'comptage-personnes', running: false, reason: expect.stringMatching(/AIPD manquante/) })
    ])
    expect(guardedProcessCount()).toBe(before)
  })

  it('runs the analysis feed once the lock allows, and stops it within 5 s when the lock says no', async () => {
    const gate = new ManualGate()
    const cameras = [await camera(['comptage-personnes'])]
    const before = guardedProcessCount()
    supervisor = new AnalyticsSupervisor({ ffmpegPath: ffmpegForTests(), gate, cameras: () => cameras, intervalMs: 100, ...withoutDetection })
    await supervisor.start()

    gate.allowed.add('parvis/comptage-personnes')
    await waitFor(() => (supervisor?.snapshot()[0]?.framesAnalysed ?? 0) > 5, 'frames analysed', 20_000)
    expect(supervisor.snapshot()[0]).toMatchObject({ running: true })
    expect(guardedProcessCount()).toBe(before + 1)

    gate.allowed.clear()
    const revokedAt = Date.now()
    await waitFor(() => guardedProcessCount() === before, 'the analysis ffmpeg to exit', 5_000, 20)
    expect(Date.now() - revokedAt).toBeLessThan(5_000)
    expect(supervisor.snapshot()[0]).toMatchObject({ running: false, reason: expect.stringMatching(/verrouillé/) })
  })

  it('never runs a module the admin did not ask for on that camera', async () => {
    const gate = new ManualGate()
    gate.allowed.add('parvis/detection-intrusion')
    const cameras = [await camera(['comptage-personnes'])]
    const before = guardedProcessCount()
    supervisor = new AnalyticsSupervisor({ ffmpegPath: ffmpegForTests(), gate, cameras: () => cameras, intervalMs: 100, ...withoutDetection })
    await supervisor.start()
    expect(supervisor.snapshot().every((status) => !status.running)).toBe(true)
    expect(guardedProcessCount()).toBe(before)
  })

  it('stops plate modules while the plate reader cannot start, says why, and leaves the other modules running', async () => {
    const gate = new ManualGate()
    gate.allowed.add('parvis/lapi-stationnement')
    gate.allowed.add('parvis/comptage-personnes')
    const cameras = [await camera(['lapi-stationnement', 'comptage-personnes'])]
    const scene = SceneSchema.parse({ rules: [{ id: 'controle', name: 'Contrôle', kind: 'parking-control' }] })
    const reader = new SharedPlateReader({ modelsDir: mkdtempSync(join(tmpdir(), 'vigie-no-models-')) })
    supervisor = new AnalyticsSupervisor({
      ffmpegPath: ffmpegForTests(),
      gate,
      cameras: () => cameras,
      intervalMs: 100,
      ...withoutDetection,
      scene: () => scene,
      plates: { reader, onDecision: () => undefined }
    })
    await supervisor.start()
    const statusOf = (moduleId: ModuleId) => supervisor?.snapshot().find((status) => status.moduleId === moduleId)
    await waitFor(() => statusOf('lapi-stationnement')?.running === false || undefined, 'the plate module stopped', 20_000)
    expect(statusOf('lapi-stationnement')?.reason).toMatch(/^Lecteur de plaques indisponible : .*lpd-yunet/i)
    expect(statusOf('comptage-personnes')).toMatchObject({ running: true })
  })
})
