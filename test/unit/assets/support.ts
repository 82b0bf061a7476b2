import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { onTestFinished } from 'vitest'
import { loadAssetManifest, type Asset, type AssetManifest } from '../../../electron/core/assets/asset-manifest'

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..')

/** CI sets VIGIE_ASSET_MIRROR relative to the repository root (the current directory there). */
export const MIRROR_DIR =
  process.env.VIGIE_ASSET_MIRROR !== undefined && process.env.VIGIE_ASSET_MIRROR !== ''
    ? resolve(process.cwd(), process.env.VIGIE_ASSET_MIRROR)
    : resolve(REPO_ROOT, '../shared')

export const FFMPEG = process.env.FFMPEG_PATH ?? '/usr/bin/ffmpeg'

export const quietLog = (): void => undefined

/** A fresh directory, removed when the current test ends. */
export async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `vigie-assets-${label}-`))
  onTestFinished(() => rm(dir, { recursive: true, force: true }))
  return dir
}

export function repositoryManifest(): AssetManifest {
  return loadAssetManifest(REPO_ROOT)
}

/** The repository's manifest cut down to some assets, to keep a test about one behaviour small. */
export function repositoryManifestWith(...ids: string[]): AssetManifest {
  const manifest = repositoryManifest()
  return { ...manifest, assets: manifest.assets.filter((asset) => ids.includes(asset.id)) }
}

export function repositoryAsset(id: string): Asset {
  const asset = repositoryManifest().assets.find((candidate) => candidate.id === id)
  if (asset === undefined) throw new Error(`no asset "${id}" in resources/assets.json`)
  return asset
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Deterministic bytes that do not compress to nothing, so chunking and hashing are exercised for real. */
export function sampleBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length)
  for (let i = 0; i < length; i++) bytes[i] = (i * 131 + (i >> 8) * 7) & 0xff
  return bytes
}

/** A one-asset manifest for a synthetic media file served by a stub fetch. */
export function syntheticMediaManifest(
  bytes: Uint8Array,
  options: { id?: string; url?: string; fallbackUrls?: string[] } = {}
): AssetManifest {
  const id = options.id ?? 'sample-clip'
  return {
    description: 'test manifest',
    schemaVersion: 1,
    assets: [
      {
        id,
        kind: 'media',
        destination: `resources/media/${id}.bin`,
        required: false,
        source: {
          type: 'download',
          url: options.url ?? `https://raw.githubusercontent.com/example/clips/${'a'.repeat(40)}/${id}.bin`,
          fallbackUrls: options.fallbackUrls ?? []
        },
        sha256: sha256Of(bytes),
        bytes: bytes.length,
        licence: { id: 'CC-BY-4.0', file: 'resources/licenses/CC-BY-4.0_intel-iot-devkit_sample-videos.txt' },
        attribution: 'test clip'
      }
    ]
  }
}
