import { basename, join } from 'node:path'
import type { Asset } from './asset-manifest'

/** Absolute path of an asset inside the app (or repository) root. */
export function destinationPath(rootDir: string, asset: Asset): string {
  return join(rootDir, ...asset.destination.split('/'))
}

/**
 * Absolute path of an asset inside a local mirror. A mirror has the layout of the project's shared folder
 * (`models/<file>`, `media/<file>`, `media/derived/<file>`), which differs from the app's own layout.
 */
export function mirrorPath(mirrorDir: string, asset: Asset): string {
  const file = basename(asset.destination)
  switch (asset.kind) {
    case 'model':
      return join(mirrorDir, 'models', file)
    case 'media':
      return join(mirrorDir, 'media', file)
    case 'derived-media':
      return join(mirrorDir, 'media', 'derived', file)
  }
}
