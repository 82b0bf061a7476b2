import { cpSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { resolveFfmpeg } from '../../../electron/core/ingest/ffmpeg-path'
import { decodeImageFile } from '../../../electron/core/lapi/image-file'
import { SharedPlateReader } from '../../../electron/core/lapi/shared-plate-reader'

const MODELS_DIR = join(process.cwd(), 'models')
const IMAGE = join(process.cwd(), 'resources', 'media', 'fastalpr_test_image.png')

/** The app's plate reader, in its worker thread, as the cameras use it. */
describe('SharedPlateReader', () => {
  let reader: SharedPlateReader | null = null

  afterEach(async () => {
    await reader?.close()
    reader = null
  })

  it('reads a frame in its worker, frames in the order given, and closes cleanly', async () => {
    reader = new SharedPlateReader({ modelsDir: MODELS_DIR })
    const frame = await decodeImageFile(resolveFfmpeg().path as string, IMAGE)
    const vehicle = { x1: 150, y1: 40, x2: 500, y2: 320 }
    const [first, second] = await Promise.all([reader.readTimed(frame, []), reader.readTimed(frame, [vehicle])])
    expect(first.plates.map((plate) => plate.text)).toEqual(['5AU5341'])
    expect(second.plates.map((plate) => plate.text)).toEqual(['5AU5341'])
    expect(second.timings.detectorRuns).toBe(2)
    // The caller's frame is copied to the worker, not taken from it.
    expect(frame.data.length).toBe(frame.width * frame.height * 3)
    await reader.close()
    await expect(reader.readTimed(frame, [])).resolves.toMatchObject({ plates: [{ text: '5AU5341' }] })
  })

  it('names the missing model instead of starting a worker, and tries again on the next frame', async () => {
    const partial = mkdtempSync(join(tmpdir(), 'vigie-models-'))
    for (const file of readdirSync(MODELS_DIR)) if (file.endsWith('.json') || file.endsWith('.yaml')) cpSync(join(MODELS_DIR, file), join(partial, file))
    reader = new SharedPlateReader({ modelsDir: partial })
    const frame = { width: 4, height: 4, data: new Uint8Array(48) }
    await expect(reader.readTimed(frame, [])).rejects.toThrow(/lpd-yunet|npm run assets/i)
    for (const file of readdirSync(MODELS_DIR)) cpSync(join(MODELS_DIR, file), join(partial, file))
    await expect(reader.readTimed(frame, [])).resolves.toMatchObject({ plates: [] })
  })
})
