import { stat } from 'node:fs/promises'
import { loadAssetManifest, type Asset, type AssetManifest, type DerivedMediaAsset } from './asset-manifest'
import { destinationPath } from './asset-paths'
import { describeShape, probeVideo } from './ffmpeg-video'
import { digestFile, sameDigest } from './integrity'

/**
 * Decides whether a file on disk is the asset it claims to be: sha256 and size for fixed files; for media
 * made locally with ffmpeg, the reference bytes or else the expected frame count and size.
 */

export type AssetCheck =
  | { state: 'valid' }
  | { state: 'missing' }
  | { state: 'invalid'; reason: string }
  /** Present, not the reference bytes, and no ffmpeg to look inside: kept, but said so. */
  | { state: 'unverified'; reason: string }

export interface AssetCheckReport {
  id: string
  destination: string
  required: boolean
  check: AssetCheck
}

export interface CheckAssetsOptions {
  rootDir: string
  manifest?: AssetManifest | undefined
  ffmpegPath?: string | undefined
}

export async function checkAssets(options: CheckAssetsOptions): Promise<AssetCheckReport[]> {
  const manifest = options.manifest ?? loadAssetManifest(options.rootDir)
  const reports: AssetCheckReport[] = []
  for (const asset of manifest.assets) {
    const check = await checkAssetFile(asset, destinationPath(options.rootDir, asset), options.ffmpegPath)
    reports.push({ id: asset.id, destination: asset.destination, required: asset.required, check })
  }
  return reports
}

/** Checks `filePath` (the final path or a temporary one) against what the manifest says about `asset`. */
export async function checkAssetFile(asset: Asset, filePath: string, ffmpegPath?: string): Promise<AssetCheck> {
  const stats = await stat(filePath).catch(() => undefined)
  if (stats === undefined || !stats.isFile()) return { state: 'missing' }
  if (asset.kind === 'derived-media') return checkDerivedFile(asset, filePath, ffmpegPath)
  // Size first: a truncated file is caught without reading it.
  if (stats.size !== asset.bytes) {
    return { state: 'invalid', reason: `size is ${stats.size} bytes, expected ${asset.bytes}` }
  }
  const actual = await digestFile(filePath)
  if (actual.sha256 !== asset.sha256) {
    return { state: 'invalid', reason: `sha256 mismatch: expected ${asset.sha256}, got ${actual.sha256}` }
  }
  return { state: 'valid' }
}

async function checkDerivedFile(asset: DerivedMediaAsset, filePath: string, ffmpegPath?: string): Promise<AssetCheck> {
  if (sameDigest(await digestFile(filePath), asset)) return { state: 'valid' }
  if (ffmpegPath === undefined) {
    return { state: 'unverified', reason: 'not the reference encode, and no ffmpeg to count its frames' }
  }
  const actual = await probeVideo(ffmpegPath, filePath).catch((error: unknown) =>
    error instanceof Error ? error : new Error(String(error))
  )
  if (actual instanceof Error) return { state: 'invalid', reason: `unreadable video: ${actual.message}` }
  const expected = asset.source.expect
  if (actual.frames === expected.frames && actual.width === expected.width && actual.height === expected.height) {
    return { state: 'valid' }
  }
  return { state: 'invalid', reason: `has ${describeShape(actual)}, expected ${describeShape(expected)}` }
}
