import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { FileNameSchema, Sha256Schema } from '../analytics/detection/model-manifest'
import { parseFlatYaml } from './flat-yaml'

/**
 * models/<id>.json for a plate OCR, plus the fast-plate-ocr YAML config it points to (alphabet,
 * slots, pad character, input size, regions). The YAML is the model's own description and ships
 * with it unchanged; the JSON adds what Vigie needs around it: the files' hashes and the crop margin.
 */

const MarginSchema = z.number().min(0).max(0.5)

export const PlateOcrManifestSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)'),
    name: z.string().min(1),
    task: z.literal('plate-ocr'),
    file: FileNameSchema,
    sha256: Sha256Schema,
    bytes: z.number().int().positive(),
    licence: z.string().min(1).describe('SPDX identifier'),
    config: z.object({ file: FileNameSchema, sha256: Sha256Schema, bytes: z.number().int().positive() }).strict(),
    /** Context kept around the detected corners when rectifying, as fractions of the plate's width and height. */
    crop: z.object({ marginX: MarginSchema, marginY: MarginSchema }).strict()
  })
  .strict()

/**
 * The YAML's fields. Only what this reader implements is accepted: a stretched (not letterboxed),
 * linearly resized RGB input. A config asking for anything else must fail here, not read plates badly.
 */
export const PlateOcrConfigSchema = z
  .object({
    max_plate_slots: z.number().int().positive(),
    alphabet: z.string().min(2),
    pad_char: z.string().length(1),
    img_height: z.number().int().positive(),
    img_width: z.number().int().positive(),
    keep_aspect_ratio: z.literal(false, { errorMap: () => ({ message: 'only keep_aspect_ratio: false is supported' }) }),
    interpolation: z.literal('linear', { errorMap: () => ({ message: 'only linear interpolation is supported' }) }),
    image_color_mode: z.literal('rgb', { errorMap: () => ({ message: 'only rgb input is supported' }) }),
    plate_regions: z.array(z.string().min(1)).nonempty().optional()
  })
  .strict()
  .refine((config) => config.alphabet.includes(config.pad_char), { message: 'pad_char must be in the alphabet', path: ['pad_char'] })
  .refine((config) => new Set(config.alphabet).size === config.alphabet.length, {
    message: 'alphabet has a repeated character',
    path: ['alphabet']
  })

export type PlateOcrManifest = z.infer<typeof PlateOcrManifestSchema>
export type PlateOcrConfig = z.infer<typeof PlateOcrConfigSchema>

export const DEFAULT_PLATE_OCR_ID = 'cct-xs-v2-global'

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')
}

export function parsePlateOcrManifest(json: unknown, source = 'plate OCR manifest'): PlateOcrManifest {
  const parsed = PlateOcrManifestSchema.safeParse(json)
  if (!parsed.success) throw new Error(`${source} is invalid: ${describeIssues(parsed.error)}`)
  return parsed.data
}

export function parsePlateOcrConfig(yamlText: string, source = 'plate OCR config'): PlateOcrConfig {
  let raw: unknown
  try {
    raw = parseFlatYaml(yamlText)
  } catch (error) {
    throw new Error(`${source}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = PlateOcrConfigSchema.safeParse(raw)
  if (!parsed.success) throw new Error(`${source} is invalid: ${describeIssues(parsed.error)}`)
  return parsed.data
}

export interface LoadedPlateOcrManifest {
  manifest: PlateOcrManifest
  config: PlateOcrConfig
}

/**
 * Reads models/<id>.json and its YAML. The YAML's sha256 is checked here (it is 1.7 kB): the alphabet
 * order decides what every output index means, so a different file would read every plate wrong
 * without any error. The .onnx itself is checked by `npm run assets`.
 */
export function loadPlateOcrManifest(modelsDir: string, id = DEFAULT_PLATE_OCR_ID): LoadedPlateOcrManifest {
  const path = join(modelsDir, `${id}.json`)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new Error(`No manifest for plate OCR "${id}" (expected ${path})`)
  }
  const manifest = parsePlateOcrManifest(JSON.parse(text) as unknown, path)
  if (manifest.id !== id) throw new Error(`${path} declares id "${manifest.id}", expected "${id}"`)
  const configPath = join(modelsDir, manifest.config.file)
  let yaml: Buffer
  try {
    yaml = readFileSync(configPath)
  } catch {
    throw new Error(`Plate OCR config missing: ${configPath}. Run "npm run assets" to download the models.`)
  }
  const digest = createHash('sha256').update(yaml).digest('hex')
  if (digest !== manifest.config.sha256) {
    throw new Error(`${configPath} has sha256 ${digest}, expected ${manifest.config.sha256} (run "npm run assets" again)`)
  }
  return { manifest, config: parsePlateOcrConfig(yaml.toString('utf8'), configPath) }
}
