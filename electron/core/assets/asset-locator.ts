import { statSync } from 'node:fs'
import { findAsset, loadAssetManifest, type Asset, type AssetKind, type AssetManifest } from './asset-manifest'
import { destinationPath } from './asset-paths'

/**
 * Finds models and media on disk for the rest of the app. It only looks (existence and size, no hashing),
 * so it is cheap enough to call whenever a file is needed; `npm run assets` does the full sha256 check.
 */

export type AssetState = 'present' | 'missing' | 'damaged'

export interface AssetStatus {
  id: string
  kind: AssetKind
  required: boolean
  /** Relative to the root, as written in resources/assets.json. */
  destination: string
  /** Absolute path where the file is (or would be). */
  path: string
  present: boolean
  state: AssetState
}

export interface AssetLocator {
  /** Absolute path of a present asset; throws MissingAssetError otherwise (callers catch it and degrade). */
  path(id: string): string
  status(): AssetStatus[]
}

/** Thrown when a known asset is absent or damaged; its message tells the user what to do. */
export class MissingAssetError extends Error {
  constructor(
    readonly assetId: string,
    readonly destination: string,
    readonly state: Exclude<AssetState, 'present'>,
    readonly restoredByGit: boolean
  ) {
    super(missingAssetMessage(assetId, destination, state, restoredByGit))
    this.name = 'MissingAssetError'
  }
}

/** An id that resources/assets.json does not list: a programming error, not a user problem. */
export class UnknownAssetError extends Error {
  constructor(readonly assetId: string) {
    super(`"${assetId}" is not an asset listed in resources/assets.json`)
    this.name = 'UnknownAssetError'
  }
}

export function createAssetLocator(rootDir: string, manifest: AssetManifest = loadAssetManifest(rootDir)): AssetLocator {
  const statusOf = (asset: Asset): AssetStatus => {
    const path = destinationPath(rootDir, asset)
    const state = stateOnDisk(asset, path)
    return {
      id: asset.id,
      kind: asset.kind,
      required: asset.required,
      destination: asset.destination,
      path,
      present: state === 'present',
      state
    }
  }

  return {
    path(id) {
      const asset = findAsset(manifest, id)
      if (asset === undefined) throw new UnknownAssetError(id)
      const status = statusOf(asset)
      if (status.state !== 'present') {
        throw new MissingAssetError(id, asset.destination, status.state, asset.source.type === 'repository')
      }
      return status.path
    },
    status() {
      return manifest.assets.map(statusOf)
    }
  }
}

function stateOnDisk(asset: Asset, absolutePath: string): AssetState {
  const stats = statSync(absolutePath, { throwIfNoEntry: false })
  if (stats === undefined || !stats.isFile()) return 'missing'
  // A local ffmpeg encode legitimately differs in size from the reference, so only fixed files are sized.
  if (asset.kind !== 'derived-media' && stats.size !== asset.bytes) return 'damaged'
  if (stats.size === 0) return 'damaged'
  return 'present'
}

function missingAssetMessage(
  assetId: string,
  destination: string,
  state: Exclude<AssetState, 'present'>,
  restoredByGit: boolean
): string {
  const problem = state === 'missing' ? 'is missing' : 'is damaged (its size is wrong)'
  const remedy = restoredByGit
    ? `It is part of the source code: restore it with "git checkout -- ${destination}".`
    : 'Run "npm run assets" to download it (or set VIGIE_ASSET_MIRROR to a local copy of the assets).'
  return `The file ${destination} (asset "${assetId}") ${problem}. ${remedy}`
}
