import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

/**
 * resources/assets.json: every model and sample clip Vigie needs, where it comes from and how to check it.
 * The schema is strict (unknown keys are errors) so that a typo such as `sha265` fails loudly instead of
 * silently turning a check off.
 */

export const ASSET_MANIFEST_PATH = 'resources/assets.json'

const ASSET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const FILE_NAME = '[A-Za-z0-9][A-Za-z0-9._-]*'

/** Where each kind of asset must live, relative to the repository (or app) root. */
const DESTINATION_BY_KIND = {
  model: new RegExp(`^models/${FILE_NAME}$`),
  media: new RegExp(`^resources/media/${FILE_NAME}$`),
  'derived-media': new RegExp(`^resources/media/derived/${FILE_NAME}$`)
} as const

/** A URL that names a file at a fixed commit, so the bytes behind it cannot change under the sha256. */
const PINNED_RAW_URL = /^https:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/[0-9a-f]{40}\/.+$/

const AssetIdSchema = z.string().regex(ASSET_ID, 'must be kebab-case (a-z, 0-9, -)')
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal digits')
const HttpsUrlSchema = z
  .string()
  .url()
  .refine((url) => url.startsWith('https://'), 'must be an https:// URL')

const LicenceSchema = z
  .object({
    id: z.string().min(1).describe('SPDX identifier'),
    file: z.string().regex(new RegExp(`^resources/licenses/${FILE_NAME}$`), 'must be a file in resources/licenses/')
  })
  .strict()

const DownloadSourceSchema = z
  .object({
    type: z.literal('download'),
    url: z.string().regex(PINNED_RAW_URL, 'must be a raw.githubusercontent.com URL pinned to a 40-digit commit'),
    /** Tried in order when `url` fails, e.g. the original publisher's copy of the same bytes. */
    fallbackUrls: z.array(HttpsUrlSchema)
  })
  .strict()

/** Written for this project and committed with the code: never fetched, only checked. */
const RepositorySourceSchema = z.object({ type: z.literal('repository') }).strict()

const FfmpegArgsSchema = z
  .array(z.string())
  .refine((args) => args.filter((a) => a === '{input}').length === 1, 'must contain "{input}" exactly once')
  .refine((args) => args.filter((a) => a === '{output}').length === 1, 'must contain "{output}" exactly once')

const DerivedSourceSchema = z
  .object({
    type: z.literal('ffmpeg'),
    from: AssetIdSchema,
    /** Arguments after `ffmpeg`; `{input}` and `{output}` are replaced by the source and destination files. */
    args: FfmpegArgsSchema,
    /** A local encode differs byte-wise between ffmpeg builds, so it is judged on its shape instead. */
    expect: z
      .object({
        frames: z.number().int().positive(),
        width: z.number().int().positive(),
        height: z.number().int().positive()
      })
      .strict()
  })
  .strict()

const commonFields = {
  id: AssetIdSchema,
  /** Required assets make `npm run assets` fail when they cannot be fetched; sample media do not. */
  required: z.boolean(),
  sha256: Sha256Schema,
  bytes: z.number().int().positive(),
  licence: LicenceSchema.nullable(),
  attribution: z.string().min(1)
}

const ModelAssetSchema = z
  .object({
    ...commonFields,
    kind: z.literal('model'),
    destination: z.string().regex(DESTINATION_BY_KIND.model, 'a model must live in models/'),
    source: z.discriminatedUnion('type', [DownloadSourceSchema, RepositorySourceSchema])
  })
  .strict()

const MediaAssetSchema = z
  .object({
    ...commonFields,
    kind: z.literal('media'),
    destination: z.string().regex(DESTINATION_BY_KIND.media, 'media must live in resources/media/'),
    source: DownloadSourceSchema
  })
  .strict()

const DerivedMediaAssetSchema = z
  .object({
    ...commonFields,
    kind: z.literal('derived-media'),
    destination: z.string().regex(DESTINATION_BY_KIND['derived-media'], 'derived media must live in resources/media/derived/'),
    source: DerivedSourceSchema
  })
  .strict()

const AssetSchema = z
  .discriminatedUnion('kind', [ModelAssetSchema, MediaAssetSchema, DerivedMediaAssetSchema])
  .superRefine((asset, ctx) => {
    // Only files we wrote ourselves may go without a third-party licence.
    if (asset.licence === null && asset.source.type !== 'repository') {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['licence'], message: 'a third-party file needs a licence' })
    }
  })

export const AssetManifestSchema = z
  .object({
    description: z.string(),
    schemaVersion: z.literal(1),
    assets: z.array(AssetSchema).min(1)
  })
  .strict()
  .superRefine((manifest, ctx) => {
    const byId = new Map<string, Asset>()
    const destinations = new Set<string>()
    manifest.assets.forEach((asset, index) => {
      if (byId.has(asset.id)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['assets', index, 'id'], message: `duplicate id "${asset.id}"` })
      }
      if (destinations.has(asset.destination)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['assets', index, 'destination'],
          message: `duplicate destination "${asset.destination}"`
        })
      }
      byId.set(asset.id, asset)
      destinations.add(asset.destination)
    })
    manifest.assets.forEach((asset, index) => {
      if (asset.source.type !== 'ffmpeg') return
      const origin = byId.get(asset.source.from)
      if (origin === undefined || origin.kind === 'derived-media') {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['assets', index, 'source', 'from'],
          message: `"${asset.source.from}" is not a model or media asset of this manifest`
        })
      }
    })
  })

export type AssetManifest = z.infer<typeof AssetManifestSchema>
export type Asset = z.infer<typeof AssetSchema>
export type AssetKind = Asset['kind']
export type DerivedMediaAsset = Extract<Asset, { kind: 'derived-media' }>
export type DownloadSource = z.infer<typeof DownloadSourceSchema>
export type VideoExpectation = DerivedMediaAsset['source']['expect']

export class AssetManifestError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AssetManifestError'
  }
}

/** Validates already-parsed JSON; `origin` names the file in error messages. */
export function parseAssetManifest(data: unknown, origin: string): AssetManifest {
  const result = AssetManifestSchema.safeParse(data)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => `  - ${describeIssue(issue, data)}`)
  throw new AssetManifestError(`${origin} is not a valid asset manifest:\n${problems.join('\n')}`)
}

/** Reads `<rootDir>/resources/assets.json`. Synchronous: it is small and read once at start-up. */
export function loadAssetManifest(rootDir: string): AssetManifest {
  const file = join(rootDir, ASSET_MANIFEST_PATH)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new AssetManifestError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new AssetManifestError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  return parseAssetManifest(data, file)
}

export function findAsset(manifest: AssetManifest, id: string): Asset | undefined {
  return manifest.assets.find((asset) => asset.id === id)
}

function describeIssue(issue: z.ZodIssue, data: unknown): string {
  const where = describePath(issue.path, data)
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ')
    return `${where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}`
  }
  return `${where}: ${issue.message}`
}

/** `assets[3] (yolox-nano).source.url` reads better than `assets.3.source.url`. */
function describePath(path: ReadonlyArray<string | number>, data: unknown): string {
  if (path.length === 0) return '(top level)'
  let text = ''
  path.forEach((segment, position) => {
    if (typeof segment === 'number') {
      text += `[${segment}]`
      const id = position === 1 && path[0] === 'assets' ? assetIdAt(data, segment) : undefined
      if (id !== undefined) text += ` (${id})`
    } else {
      text += text === '' ? segment : `.${segment}`
    }
  })
  return text
}

function assetIdAt(data: unknown, index: number): string | undefined {
  if (!isRecord(data) || !Array.isArray(data.assets)) return undefined
  const entry: unknown = data.assets[index]
  return isRecord(entry) && typeof entry.id === 'string' ? entry.id : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
