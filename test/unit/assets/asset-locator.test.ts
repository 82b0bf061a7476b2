import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createAssetLocator,
  MissingAssetError,
  UnknownAssetError
} from '../../../electron/core/assets/asset-locator'
import type { AssetManifest } from '../../../electron/core/assets/asset-manifest'
import { repositoryManifestWith, sampleBytes, syntheticMediaManifest, tempDir } from './support'

async function place(root: string, relativePath: string, bytes: Uint8Array): Promise<void> {
  await mkdir(join(root, relativePath, '..'), { recursive: true })
  await writeFile(join(root, relativePath), bytes)
}

function thrownBy(action: () => unknown): Error {
  try {
    action()
  } catch (error) {
    if (error instanceof Error) return error
    throw new Error(`a non-Error was thrown: ${String(error)}`)
  }
  throw new Error('nothing was thrown')
}

describe('asset locator', () => {
  const clip = sampleBytes(1000)
  const manifest: AssetManifest = syntheticMediaManifest(clip)

  it('returns the absolute path of a present asset', async () => {
    const root = await tempDir('locator')
    await place(root, 'resources/media/sample-clip.bin', clip)
    expect(createAssetLocator(root, manifest).path('sample-clip')).toBe(join(root, 'resources/media/sample-clip.bin'))
  })

  it('throws MissingAssetError naming the file and telling to run npm run assets', async () => {
    const root = await tempDir('locator')
    const error = thrownBy(() => createAssetLocator(root, manifest).path('sample-clip'))
    expect(error).toBeInstanceOf(MissingAssetError)
    expect(error).toMatchObject({ assetId: 'sample-clip', state: 'missing' })
    expect(error.message).toBe(
      'The file resources/media/sample-clip.bin (asset "sample-clip") is missing. ' +
        'Run "npm run assets" to download it (or set VIGIE_ASSET_MIRROR to a local copy of the assets).'
    )
  })

  it('treats a file of the wrong size as damaged, not present', async () => {
    const root = await tempDir('locator')
    await place(root, 'resources/media/sample-clip.bin', clip.subarray(0, 500))
    const error = thrownBy(() => createAssetLocator(root, manifest).path('sample-clip'))
    expect(error).toBeInstanceOf(MissingAssetError)
    expect(error.message).toContain('is damaged')
    expect(error.message).toContain('npm run assets')
  })

  it('points to git for a file that belongs to the source code', async () => {
    const root = await tempDir('locator')
    const error = thrownBy(() => createAssetLocator(root, repositoryManifestWith('coco80-labels')).path('coco80-labels'))
    expect(error.message).toContain('restore it with "git checkout -- models/coco80_labels.txt"')
  })

  it('rejects an id the manifest does not list', async () => {
    const root = await tempDir('locator')
    expect(() => createAssetLocator(root, manifest).path('no-such-asset')).toThrow(UnknownAssetError)
  })

  it('lists present and missing assets', async () => {
    const root = await tempDir('locator')
    const twoClips: AssetManifest = {
      ...manifest,
      assets: [...manifest.assets, ...syntheticMediaManifest(clip, { id: 'other-clip' }).assets]
    }
    await place(root, 'resources/media/sample-clip.bin', clip)
    const status = createAssetLocator(root, twoClips).status()
    expect(status.map(({ id, present, state }) => ({ id, present, state }))).toEqual([
      { id: 'sample-clip', present: true, state: 'present' },
      { id: 'other-clip', present: false, state: 'missing' }
    ])
    expect(status[1]?.path).toBe(join(root, 'resources/media/other-clip.bin'))
  })
})
