import { existsSync, readdirSync } from 'node:fs'
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAssetLocator } from '../../../electron/core/assets/asset-locator'
import { fetchAssets } from '../../../electron/core/assets/fetch-assets'
import {
  MIRROR_DIR,
  REPO_ROOT,
  quietLog,
  repositoryAsset,
  repositoryManifest,
  repositoryManifestWith,
  sha256Of,
  tempDir
} from './support'

/** An app root holding only what git would: the manifest and our own labels file. */
async function checkoutLikeRoot(): Promise<string> {
  const root = await tempDir('root')
  for (const file of ['resources/assets.json', 'models/coco80_labels.txt']) {
    await mkdir(join(root, dirname(file)), { recursive: true })
    await copyFile(join(REPO_ROOT, file), join(root, file))
  }
  return root
}

describe('fetchAssets from a mirror', () => {
  it('copies every asset, then finds them all in place on the next run', async () => {
    const root = await checkoutLikeRoot()

    const first = await fetchAssets({ rootDir: root, mirrorDir: MIRROR_DIR, log: quietLog })
    const statuses = Object.fromEntries(first.map((report) => [report.id, report.status]))
    for (const asset of repositoryManifest().assets) {
      expect(statuses[asset.id], asset.id).toBe(asset.source.type === 'repository' ? 'ok' : 'copied')
    }

    const second = await fetchAssets({ rootDir: root, mirrorDir: MIRROR_DIR, log: quietLog })
    expect(second.filter((report) => report.status !== 'ok')).toEqual([])
    expect(createAssetLocator(root).status().filter((status) => !status.present)).toEqual([])
  })

  it('rejects a corrupted mirror file with both hashes and leaves nothing at the destination', async () => {
    const asset = repositoryAsset('fpo-test-plate-1')
    const mirror = await tempDir('mirror')
    const corrupted = await readFile(join(MIRROR_DIR, 'media/fpo_test_plate_1.png'))
    corrupted[100] = (corrupted[100] ?? 0) ^ 0xff
    await mkdir(join(mirror, 'media'))
    await writeFile(join(mirror, 'media/fpo_test_plate_1.png'), corrupted)
    const root = await tempDir('root')

    const [report] = await fetchAssets({
      rootDir: root,
      mirrorDir: mirror,
      manifest: repositoryManifestWith(asset.id),
      log: quietLog
    })

    expect(report?.status).toBe('failed')
    const reason = report?.status === 'failed' ? report.reason : ''
    expect(reason).toContain(`expected ${asset.sha256}`)
    expect(reason).toContain(`got ${sha256Of(corrupted)}`)
    expect(existsSync(join(root, asset.destination))).toBe(false)
    expect(readdirSync(join(root, 'resources/media'))).toEqual([])
  })

  it('replaces a damaged file at the destination', async () => {
    const asset = repositoryAsset('fpo-test-plate-2')
    const root = await tempDir('root')
    await mkdir(join(root, 'resources/media'), { recursive: true })
    await writeFile(join(root, asset.destination), Buffer.alloc(asset.bytes))

    const [report] = await fetchAssets({
      rootDir: root,
      mirrorDir: MIRROR_DIR,
      manifest: repositoryManifestWith(asset.id),
      log: quietLog
    })

    expect(report?.status).toBe('copied')
    expect(sha256Of(await readFile(join(root, asset.destination)))).toBe(asset.sha256)
  })

  it('reports a file the mirror does not have', async () => {
    const mirror = await tempDir('empty-mirror')
    const root = await tempDir('root')
    const [report] = await fetchAssets({
      rootDir: root,
      mirrorDir: mirror,
      manifest: repositoryManifestWith('yolox-nano'),
      log: quietLog
    })
    expect(report).toMatchObject({
      status: 'failed',
      reason: `not in the mirror (looked for ${join(mirror, 'models/yolox_nano.onnx')})`
    })
  })

  it('does not fetch a file that belongs to the source code, and says how to restore it', async () => {
    const root = await tempDir('root')
    const [report] = await fetchAssets({
      rootDir: root,
      mirrorDir: MIRROR_DIR,
      manifest: repositoryManifestWith('coco80-labels'),
      log: quietLog
    })
    expect(report).toMatchObject({ status: 'failed', required: true })
    expect(report?.status === 'failed' ? report.reason : '').toContain('git checkout -- models/coco80_labels.txt')
    expect(existsSync(join(root, 'models/coco80_labels.txt'))).toBe(false)
  })
})
