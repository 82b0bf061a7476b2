import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

/**
 * models/<id>.json: how to feed one detector and how to read its outputs. The schema is strict so that a
 * misspelt key (say `stdev`) fails at load time instead of silently falling back to a wrong default,
 * which would still produce boxes — just worse ones.
 */

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal digits')
export const FileNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a plain file name in models/')
const PerChannelSchema = z.tuple([z.number(), z.number(), z.number()])
const UnitIntervalSchema = z.number().gt(0).lt(1)

export const PreprocessingSchema = z
  .object({
    /** Channel order of the tensor; mean and std are given in this same order. */
    channelOrder: z.enum(['rgb', 'bgr']),
    /**
     * letterbox-centred / letterbox-top-left keep the aspect ratio and pad the rest;
     * stretch resizes the whole frame to the input size (aspect ratio lost, as the model was trained).
     */
    resize: z.enum(['letterbox-centred', 'letterbox-top-left', 'stretch']),
    padValue: z.number().min(0).max(255),
    mean: PerChannelSchema,
    std: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()])
  })
  .strict()

const StridesSchema = z.array(z.number().int().positive()).nonempty()

const DecodingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('nanodet-plus'), strides: StridesSchema, binsPerSide: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('yolox'), strides: StridesSchema }).strict(),
  z.object({ kind: z.literal('fastestdet'), gridSize: z.number().int().positive() }).strict()
])

export const ModelManifestSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)'),
    name: z.string().min(1),
    file: FileNameSchema,
    sha256: Sha256Schema,
    bytes: z.number().int().positive(),
    licence: z.string().min(1).describe('SPDX identifier'),
    labels: FileNameSchema,
    input: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).strict(),
    preprocessing: PreprocessingSchema,
    decoding: DecodingSchema,
    thresholds: z.object({ score: UnitIntervalSchema, nmsIou: UnitIntervalSchema }).strict()
  })
  .strict()

export type ModelManifest = z.infer<typeof ModelManifestSchema>
export type Preprocessing = ModelManifest['preprocessing']
export type DecodingSpec = ModelManifest['decoding']

export { DEFAULT_DETECTOR_MODEL_ID, DETECTOR_MODEL_IDS } from '../../../shared/analytics-events'

export function parseModelManifest(json: unknown, source = 'model manifest'): ModelManifest {
  const parsed = ModelManifestSchema.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new Error(`${source} is invalid: ${problems.join('; ')}`)
  }
  return parsed.data
}

/** Reads models/<modelId>.json and checks that its id matches the file name it was looked up by. */
export function loadModelManifest(modelsDir: string, modelId: string): ModelManifest {
  const path = join(modelsDir, `${modelId}.json`)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new Error(`No manifest for detector model "${modelId}" (expected ${path})`)
  }
  const manifest = parseModelManifest(JSON.parse(text) as unknown, path)
  if (manifest.id !== modelId) throw new Error(`${path} declares id "${manifest.id}", expected "${modelId}"`)
  return manifest
}

/** One class name per line; the line index is the class id the model outputs. */
export function loadLabels(modelsDir: string, labelsFile: string): string[] {
  const text = readFileSync(join(modelsDir, labelsFile), 'utf8')
  return text.split(/\r?\n/u).filter((line) => line.trim().length > 0)
}
