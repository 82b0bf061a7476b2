import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { FileNameSchema, PreprocessingSchema, Sha256Schema } from '../analytics/detection/model-manifest'

/**
 * models/<id>.json for a plate detector. Its own schema rather than a fourth `decoding.kind` of the
 * object detectors' manifest: a plate detector has no label file, outputs corners instead of boxes, and
 * must never be offered in the object-detector choice (DETECTOR_MODEL_IDS). Strict, like the object
 * detectors' manifests, so that a misspelt key fails at load time instead of falling back to a default.
 */

const UnitIntervalSchema = z.number().gt(0).lt(1)

/** One level of the prior grid: `rows × columns` cells `step` input pixels apart, one prior per min size. */
const FeatureMapSchema = z
  .object({
    rows: z.number().int().positive(),
    columns: z.number().int().positive(),
    step: z.number().int().positive(),
    minSizes: z.array(z.number().positive()).nonempty()
  })
  .strict()

const CornerColumnsSchema = z.tuple([z.number().int().min(0), z.number().int().min(0), z.number().int().min(0), z.number().int().min(0)])

const YunetCornersDecodingSchema = z
  .object({
    kind: z.literal('yunet-corners'),
    featureMaps: z.array(FeatureMapSchema).nonempty(),
    /** Scale of the regressed offsets (the "variance" of SSD-style priors). */
    variance: z.number().positive(),
    /** Columns of the loc output holding x of each corner (y is the next column), in corner order TL, TR, BR, BL. */
    cornerColumns: CornerColumnsSchema,
    /** Width of one row of the loc output. */
    locColumns: z.number().int().positive()
  })
  .strict()
  .refine((decoding) => decoding.cornerColumns.every((column) => column + 1 < decoding.locColumns), {
    message: 'every corner column and the one after it must lie inside locColumns',
    path: ['cornerColumns']
  })

export const PlateDetectorManifestSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)'),
    name: z.string().min(1),
    task: z.literal('plate-detection'),
    file: FileNameSchema,
    sha256: Sha256Schema,
    bytes: z.number().int().positive(),
    licence: z.string().min(1).describe('SPDX identifier'),
    input: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).strict(),
    preprocessing: PreprocessingSchema,
    decoding: YunetCornersDecodingSchema,
    thresholds: z.object({ score: UnitIntervalSchema, nmsIou: UnitIntervalSchema }).strict()
  })
  .strict()
  // The corners are decoded as fractions of the whole resized image (decode-plates.ts): with padding,
  // they would land in the wrong place without any error.
  .refine((manifest) => manifest.preprocessing.resize === 'stretch', {
    message: 'plate detectors are decoded for a stretched input only',
    path: ['preprocessing', 'resize']
  })

export type PlateDetectorManifest = z.infer<typeof PlateDetectorManifestSchema>
export type YunetCornersDecoding = PlateDetectorManifest['decoding']
export type FeatureMap = YunetCornersDecoding['featureMaps'][number]

export const DEFAULT_PLATE_DETECTOR_ID = 'lpd-yunet'

export function parsePlateDetectorManifest(json: unknown, source = 'plate detector manifest'): PlateDetectorManifest {
  const parsed = PlateDetectorManifestSchema.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new Error(`${source} is invalid: ${problems.join('; ')}`)
  }
  return parsed.data
}

/** Reads models/<id>.json and checks that its id matches the name it was looked up by. */
export function loadPlateDetectorManifest(modelsDir: string, id = DEFAULT_PLATE_DETECTOR_ID): PlateDetectorManifest {
  const path = join(modelsDir, `${id}.json`)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new Error(`No manifest for plate detector "${id}" (expected ${path})`)
  }
  const manifest = parsePlateDetectorManifest(JSON.parse(text) as unknown, path)
  if (manifest.id !== id) throw new Error(`${path} declares id "${manifest.id}", expected "${id}"`)
  return manifest
}
