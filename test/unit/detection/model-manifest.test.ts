import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DETECTOR_MODEL_IDS,
  loadLabels,
  loadModelManifest,
  parseModelManifest
} from '../../../electron/core/analytics/detection/model-manifest'

const MODELS_DIR = join(process.cwd(), 'models')
const nanodetJson = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(MODELS_DIR, 'nanodet-plus-416.json'), 'utf8')) as Record<string, unknown>

describe('model manifests', () => {
  it('loads the three detector manifests shipped in models/', () => {
    const manifests = DETECTOR_MODEL_IDS.map((id) => loadModelManifest(MODELS_DIR, id))
    expect(manifests.map((manifest) => manifest.decoding.kind)).toEqual(['nanodet-plus', 'yolox', 'fastestdet'])
    expect(manifests.map((manifest) => manifest.preprocessing.resize)).toEqual([
      'letterbox-centred',
      'letterbox-top-left',
      'stretch'
    ])
    expect(manifests[0]).toMatchObject({ file: 'object_detection_nanodet_2022nov.onnx', bytes: 3_800_954 })
  })

  it('reads 80 COCO labels with person first', () => {
    const labels = loadLabels(MODELS_DIR, 'coco80_labels.txt')
    expect(labels).toHaveLength(80)
    expect([labels[0], labels[2], labels[5], labels[7]]).toEqual(['person', 'car', 'bus', 'truck'])
  })

  it('rejects unknown keys, naming the path', () => {
    const json = { ...nanodetJson(), thresholds: { score: 0.35, nmsIou: 0.6, nms: 0.5 } }
    expect(() => parseModelManifest(json)).toThrow(/thresholds.*nms/)
  })

  it('rejects a decoding section that does not match its kind', () => {
    const json = { ...nanodetJson(), decoding: { kind: 'yolox', gridSize: 22 } }
    expect(() => parseModelManifest(json)).toThrow(/decoding/)
  })

  it('rejects a manifest whose id differs from its file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-manifest-'))
    writeFileSync(join(dir, 'other-model.json'), JSON.stringify(nanodetJson()))
    expect(() => loadModelManifest(dir, 'other-model')).toThrow(/declares id "nanodet-plus-416"/)
  })

  it('says which manifest is missing', () => {
    expect(() => loadModelManifest(MODELS_DIR, 'no-such-model')).toThrow(/no-such-model\.json/)
  })
})
