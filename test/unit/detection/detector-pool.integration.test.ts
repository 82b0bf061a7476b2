import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Detection, RgbFrame } from '../../../electron/core/analytics/detection/detection-types'
import { Detector } from '../../../electron/core/analytics/detection/detector'
import { DetectorPool, defaultPoolSize } from '../../../electron/core/analytics/detection/detector-pool'
import { CLIPS, MODELS_DIR, readFrame } from './media-frames'

const MODEL_ID = 'nanodet-plus-416'
const STORE_FRAMES = [26, 27, 28, 29, 30]
const CLASSROOM_FRAMES = [16, 17, 18, 19, 20]

describe('detector pool', () => {
  let pool: DetectorPool
  // Reference answers from a detector in this thread, to check the workers return the same boxes.
  const expected = new Map<string, Detection[]>()

  beforeAll(async () => {
    // Two workers even on a 2-core machine, so that frames really can finish out of order.
    pool = await DetectorPool.start({ modelsDir: MODELS_DIR, modelId: MODEL_ID, size: 2 })
    const reference = await Detector.load({ modelsDir: MODELS_DIR, modelId: MODEL_ID })
    for (const index of STORE_FRAMES) expected.set(`store/${index}`, await reference.detect(readFrame(CLIPS.storeAisle, index)))
    for (const index of CLASSROOM_FRAMES) expected.set(`class/${index}`, await reference.detect(readFrame(CLIPS.classroom, index)))
    await reference.dispose()
  }, 60_000)
  afterAll(() => pool.close())

  it('is sized to the machine: every core on a small one, all but one from four cores up', () => {
    expect([1, 2, 3, 4, 8].map((cores) => defaultPoolSize(cores))).toEqual([1, 2, 3, 3, 7])
    expect(pool.size).toBe(2)
  })

  it('runs two cameras concurrently and returns each camera’s results in order', async () => {
    const delivered: Record<'store' | 'class', number[]> = { store: [], class: [] }
    const frames: RgbFrame[] = []
    const runs: Promise<void>[] = []
    STORE_FRAMES.forEach((storeIndex, i) => {
      for (const [camera, clip, index] of [
        ['store', CLIPS.storeAisle, storeIndex],
        ['class', CLIPS.classroom, CLASSROOM_FRAMES[i]]
      ] as const) {
        const frame = readFrame(clip, index)
        frames.push(frame)
        runs.push(
          pool.detect(camera, frame).then((detections) => {
            delivered[camera].push(index)
            expect(detections).toEqual(expected.get(`${camera}/${index}`))
          })
        )
      }
    })
    await Promise.all(runs)
    expect(delivered.store).toEqual(STORE_FRAMES)
    expect(delivered.class).toEqual(CLASSROOM_FRAMES)
    // The frames were moved to the workers, not copied.
    expect(frames.every((frame) => frame.data.byteLength === 0)).toBe(true)
  }, 60_000)

  it('copies instead when asked to leave the frames usable', async () => {
    const copying = await DetectorPool.start({ modelsDir: MODELS_DIR, modelId: MODEL_ID, size: 1, transferFrames: false })
    try {
      const frame = readFrame(CLIPS.storeAisle, 30)
      await expect(copying.detect('store', frame)).resolves.toEqual(expected.get('store/30'))
      expect(frame.data.byteLength).toBe(480 * 270 * 3)
    } finally {
      await copying.close()
    }
  }, 60_000)

  it('closes while frames are queued and one is in the model, without taking the process down', async () => {
    // Terminating a worker inside onnxruntime's run() aborts the whole process: close() must not do that.
    for (let attempt = 0; attempt < 6; attempt++) {
      const closing = await DetectorPool.start({ modelsDir: MODELS_DIR, modelId: MODEL_ID, size: 1, transferFrames: false })
      const frame = readFrame(CLIPS.storeAisle, 30)
      const results = [0, 1, 2, 3].map(() => closing.detect('store', frame).then(() => 'done', () => 'rejected'))
      // The moment the first frame is back, the worker has started the second one.
      await results[0]
      await closing.close()
      const outcomes = await Promise.all(results)
      expect(outcomes).toEqual(['done', 'rejected', 'rejected', 'rejected'])
    }
    expect(process.exitCode ?? 0).toBe(0)
  }, 120_000)

  it('refuses to start without the model file, telling to run npm run assets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-models-'))
    copyFileSync(join(MODELS_DIR, `${MODEL_ID}.json`), join(dir, `${MODEL_ID}.json`))
    await expect(DetectorPool.start({ modelsDir: dir, modelId: MODEL_ID })).rejects.toThrow(/npm run assets/)
  })
})
