import { describe, expect, it, vi } from 'vitest'
import { interpretOcrRead } from '../../../electron/core/lapi/interpret-read'
import type { PlateDecision } from '../../../electron/core/lapi/plate-stage'
import type { FramePlateReader } from '../../../electron/core/lapi/shared-plate-reader'
import { ocrRead } from '../lapi/ocr-helpers'
import type { AnalyticsOverlay } from '../../../electron/shared/analytics-events'
import type { ModuleId } from '../../../electron/shared/compliance'
import { SceneSchema, type SceneInput } from '../../../electron/shared/scene'
import { CameraPipeline, type FrameDetector, type PipelineEvent } from '../../../electron/core/analytics/camera-pipeline'
import type { Detection, RgbFrame, TimedDetections } from '../../../electron/core/analytics/detection/detection-types'

const W = 64
const H = 48
const MODEL = { id: 'test-model', name: 'Test', scoreThreshold: 0.35, nmsIou: 0.6 }

/**
 * A detector whose answers the test scripts: the pipeline's job (what it sends to the detector, what
 * it does with the answer) is tested here; real detection is tested in test/integration.
 */
class ScriptedDetector implements FrameDetector {
  readonly seen: RgbFrame[] = []
  pending: Array<() => void> = []
  hold = false
  constructor(private readonly answer: (call: number) => Detection[]) {}
  async detectTimed(_cameraId: string, frame: RgbFrame): Promise<TimedDetections> {
    this.seen.push({ ...frame, data: frame.data.slice() })
    if (this.hold) await new Promise<void>((resolve) => this.pending.push(resolve))
    return { detections: this.answer(this.seen.length - 1), timings: { preprocessMs: 1, inferenceMs: 2, postprocessMs: 1 } }
  }
}

const person = (x: number): Detection => ({ x1: x, y1: 20, x2: x + 8, y2: 44, score: 0.9, classId: 0, label: 'person' })

/** A frame whose pixels change with `shade`, so the motion gate sees motion when it changes. */
function frame(at: number, shade = 128): { width: number; height: number; data: Uint8Array; at: number } {
  return { width: W, height: H, data: new Uint8Array(W * H * 3).fill(shade), at }
}

const SCENE: SceneInput = {
  zones: [{ id: 'droite', name: 'Droite', polygon: [{ x: 0.5, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }, { x: 0.5, y: 1 }] }],
  masks: [{ id: 'coin', name: 'Coin', polygon: [{ x: 0, y: 0 }, { x: 0.25, y: 0 }, { x: 0.25, y: 0.25 }, { x: 0, y: 0.25 }] }],
  rules: [
    { id: 'intrusion', name: 'Intrusion à droite', kind: 'intrusion', zoneId: 'droite', priority: 'high' },
    { id: 'occupation', name: 'Occupation', kind: 'people-counting', zoneId: 'droite' }
  ]
}

function pipeline(detector: FrameDetector, modules: ModuleId[], options: { motionGating?: boolean } = {}) {
  const events: PipelineEvent[] = []
  const overlays: AnalyticsOverlay[] = []
  const instance = new CameraPipeline({
    cameraId: 'cam',
    detector,
    model: MODEL,
    scene: SceneSchema.parse(SCENE),
    allowedModules: new Set(modules),
    onEvent: (event) => events.push(event),
    onOverlay: (overlay) => overlays.push(overlay),
    motionGating: options.motionGating ?? false
  })
  return { instance, events, overlays }
}

/** A person walks from the left half into the right half, one step per frame. */
const walking = (call: number): Detection[] => [person(4 + call * 4)]

describe('CameraPipeline', () => {
  it('raises an intrusion with normalised boxes, the model, the parameters and a masked snapshot', async () => {
    const detector = new ScriptedDetector(walking)
    const { instance, events } = pipeline(detector, ['detection-intrusion'])
    for (let i = 0; i < 14; i++) await instance.process(frame(i * 200, 200))
    const intrusion = events.find((event) => event.kind === 'intrusion')
    expect(intrusion).toMatchObject({
      cameraId: 'cam',
      ruleId: 'intrusion',
      ruleName: 'Intrusion à droite',
      moduleId: 'detection-intrusion',
      priority: 'high',
      alert: true,
      model: MODEL,
      parameters: { classes: ['person'], minDwellSeconds: 0 }
    })
    const box = intrusion?.boxes[0]
    expect(box && box.x2 > 0.5 && box.x2 <= 1 && box.y2 > 0.9).toBe(true)
    // The snapshot and what the detector saw both have the masked corner blanked.
    const snapshot = intrusion?.snapshot as RgbFrame
    expect(snapshot.data[0]).toBe(0)
    expect(snapshot.data[(5 * W + 5) * 3]).toBe(0)
    expect(snapshot.data[(40 * W + 40) * 3]).toBe(200)
    expect(detector.seen[0].data[0]).toBe(0)
  })

  it('does not compile the rules of a module the lock does not allow', async () => {
    const detector = new ScriptedDetector(walking)
    const { instance, events } = pipeline(detector, ['comptage-personnes'])
    for (let i = 0; i < 14; i++) await instance.process(frame(i * 200))
    expect(events.some((event) => event.kind === 'intrusion')).toBe(false)
    expect(events.some((event) => event.kind === 'people-count')).toBe(true)

    instance.configure(SceneSchema.parse(SCENE), new Set<ModuleId>(['comptage-personnes', 'detection-intrusion']))
    for (let i = 14; i < 20; i++) await instance.process(frame(i * 200))
    // Tracks survive the reconfiguration: the person already inside is reported once the module is allowed.
    expect(events.some((event) => event.kind === 'intrusion')).toBe(true)
  })

  it('keeps counts only for counting: no image, no track, no box', async () => {
    const { instance, events, overlays } = pipeline(new ScriptedDetector(walking), ['comptage-personnes'])
    for (let i = 0; i < 14; i++) await instance.process(frame(i * 200))
    const counts = events.filter((event) => event.kind === 'people-count')
    expect(counts.length).toBeGreaterThan(0)
    for (const event of counts) expect(event).toMatchObject({ alert: false, snapshot: null, boxes: [], trackIds: [] })
    expect(overlays.at(-1)?.counts).toEqual([{ ruleId: 'occupation', in: 0, out: 0, occupancy: 1 }])
  })

  it('keeps no image, box or track for a module the rule pack limits to counts', async () => {
    const { instance, events } = pipeline(new ScriptedDetector(walking), ['detection-intrusion'])
    instance.configure(SceneSchema.parse(SCENE), new Set<ModuleId>(['detection-intrusion']), new Set<ModuleId>(['detection-intrusion']))
    for (let i = 0; i < 14; i++) await instance.process(frame(i * 200))
    const intrusion = events.find((event) => event.kind === 'intrusion')
    expect(intrusion).toMatchObject({ alert: true, snapshot: null, boxes: [], trackIds: [] })
  })

  it('reuses the last detections on a still frame instead of running the detector', async () => {
    const detector = new ScriptedDetector(() => [person(40)])
    const { instance, overlays } = pipeline(detector, ['detection-intrusion'], { motionGating: true })
    for (let i = 0; i < 5; i++) await instance.process(frame(i * 200))
    expect(detector.seen).toHaveLength(1)
    expect(instance.stats).toMatchObject({ processed: 5, detected: 1, still: 4 })
    expect(overlays.at(-1)).toMatchObject({ still: true, tracks: [expect.objectContaining({ group: 'person' })] })
    await instance.process(frame(1000, 30))
    expect(detector.seen).toHaveLength(2)
  })

  it('drops a frame offered while the previous one is still being detected', async () => {
    const detector = new ScriptedDetector(() => [])
    detector.hold = true
    const { instance } = pipeline(detector, ['detection-intrusion'])
    instance.offer(frame(0))
    instance.offer(frame(200))
    instance.offer(frame(400))
    expect(instance.stats).toMatchObject({ offered: 3, dropped: 2 })
    for (const release of detector.pending.splice(0)) release()
    await new Promise<void>((resolve) => setImmediate(resolve))
    instance.offer(frame(600))
    expect(instance.stats.dropped).toBe(2)
  })

  it('hands vehicle tracks to the plate reader only while a plate rule’s module is allowed, and never to the rule engine', async () => {
    const car = (call: number): Detection[] => [{ x1: 10 + call, y1: 10, x2: 40 + call, y2: 36, score: 0.9, classId: 2, label: 'car' }, person(50)]
    const asked: Array<{ vehicles: number; masked: number }> = []
    const reader: FramePlateReader = {
      async readTimed(frameToRead, vehicles) {
        // The reader sees the masked frame: the top-left corner is black.
        asked.push({ vehicles: vehicles.length, masked: frameToRead.data[0] })
        const read = interpretOcrRead(ocrRead('AB123CD', { name: 'France', confidence: 0.95 }, 0.95))
        const corners = [{ x: 20, y: 30 }, { x: 34, y: 30 }, { x: 34, y: 34 }, { x: 20, y: 34 }] as const
        return { plates: [{ ...read, corners, detectionScore: 0.9, source: { kind: 'vehicle', vehicleIndex: 0 } }], timings: { detectionMs: 1, rectificationMs: 0, ocrMs: 1, detectorRuns: 2 } }
      }
    }
    const decisions: PlateDecision[] = []
    const events: PipelineEvent[] = []
    const scene = SceneSchema.parse({ ...SCENE, rules: [...SCENE.rules!, { id: 'plaques', name: 'Plaques signalées', kind: 'plate-watchlist', minReads: 2 }] })
    const instance = new CameraPipeline({
      cameraId: 'cam',
      detector: new ScriptedDetector(car),
      model: MODEL,
      scene,
      allowedModules: new Set<ModuleId>(['detection-intrusion']),
      onEvent: (event) => events.push(event),
      motionGating: false,
      plates: { reader, onDecision: (decision) => decisions.push(decision) }
    })
    for (let i = 0; i < 4; i++) await instance.process(frame(i * 200, 200))
    expect(asked).toEqual([])
    instance.configure(scene, new Set<ModuleId>(['lapi-securite']))
    // The stage reads in the background: wait for each read before the next frame, as a slow camera would.
    for (let i = 4; i < 8; i++) {
      await instance.process(frame(i * 200, 200))
      await vi.waitFor(() => expect(instance.plateStats?.read).toBe(i - 3))
    }
    expect(asked.every((call) => call.vehicles === 1 && call.masked === 0)).toBe(true)
    expect(decisions).toHaveLength(1)
    expect(decisions[0]).toMatchObject({ rule: { id: 'plaques', kind: 'plate-watchlist' }, plate: { text: 'AB123CD' }, trackId: expect.any(Number) })
    expect(events.filter((event) => event.ruleId === 'plaques')).toEqual([])
  })
})
