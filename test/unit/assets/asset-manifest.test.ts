import { readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  AssetManifestError,
  loadAssetManifest,
  parseAssetManifest,
  type AssetManifest
} from '../../../electron/core/assets/asset-manifest'
import { mirrorPath } from '../../../electron/core/assets/asset-paths'
import { MIRROR_DIR, REPO_ROOT, repositoryManifest, sha256Of, tempDir } from './support'

/** The repository's manifest as plain JSON, ready to be spoiled by a test. */
function rawManifest(): { assets: Array<Record<string, unknown>> } & Record<string, unknown> {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'resources/assets.json'), 'utf8'))
}

function parseError(data: unknown): string {
  try {
    parseAssetManifest(data, 'assets.json')
  } catch (error) {
    if (error instanceof AssetManifestError) return error.message
    throw error
  }
  throw new Error('the manifest was accepted')
}

function filesIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile() && name !== 'MANIFEST.md')
}

describe('resources/assets.json', () => {
  it('is valid and lists every file of the mirror with its sha256 and size', () => {
    const manifest: AssetManifest = repositoryManifest()
    const listed = new Set(manifest.assets.map((asset) => mirrorPath(MIRROR_DIR, asset)))
    const inMirror = [
      ...filesIn(join(MIRROR_DIR, 'models')).map((name) => join(MIRROR_DIR, 'models', name)),
      ...filesIn(join(MIRROR_DIR, 'media')).map((name) => join(MIRROR_DIR, 'media', name)),
      ...filesIn(join(MIRROR_DIR, 'media', 'derived')).map((name) => join(MIRROR_DIR, 'media', 'derived', name))
    ]
    expect([...listed].sort()).toEqual(inMirror.sort())
    for (const asset of manifest.assets) {
      const bytes = readFileSync(mirrorPath(MIRROR_DIR, asset))
      expect({ id: asset.id, sha256: sha256Of(bytes), bytes: bytes.length }).toEqual({
        id: asset.id,
        sha256: asset.sha256,
        bytes: asset.bytes
      })
    }
  })

  it('names licence files that exist, and every licence text shipped is used', () => {
    const named = new Set(repositoryManifest().assets.flatMap((asset) => (asset.licence ? [asset.licence.file] : [])))
    const shipped = readdirSync(join(REPO_ROOT, 'resources/licenses'))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => `resources/licenses/${name}`)
    expect([...named].sort()).toEqual(shipped.sort())
  })

  it('matches the committed coco80_labels.txt', () => {
    const labels = repositoryManifest().assets.find((asset) => asset.id === 'coco80-labels')
    const bytes = readFileSync(join(REPO_ROOT, 'models/coco80_labels.txt'))
    expect(labels?.source.type).toBe('repository')
    expect(sha256Of(bytes)).toBe(labels?.sha256)
    expect(bytes.toString('utf8').trim().split('\n')).toHaveLength(80)
  })
})

describe('asset manifest validation', () => {
  it('rejects an unknown top-level key and names it', () => {
    expect(parseError({ ...rawManifest(), mirrors: [] })).toContain('(top level): unknown key "mirrors"')
  })

  it('rejects an unknown key in an asset, naming the key and the asset', () => {
    const data = rawManifest()
    data.assets[1] = { ...data.assets[1], sha265: 'typo' }
    expect(parseError(data)).toContain('assets[1] (yolox-nano): unknown key "sha265"')
  })

  it('rejects an unknown key inside a source', () => {
    const data = rawManifest()
    const asset = data.assets[0] as { source: Record<string, unknown> }
    data.assets[0] = { ...asset, source: { ...asset.source, checksum: 'x' } }
    expect(parseError(data)).toContain('assets[0] (nanodet-plus).source: unknown key "checksum"')
  })

  it('rejects a download URL that is not pinned to a commit', () => {
    const data = rawManifest()
    const asset = data.assets[2] as { source: Record<string, unknown> }
    const url = 'https://raw.githubusercontent.com/dog-qiuqiu/FastestDet/main/example/onnx-runtime/FastestDet.onnx'
    data.assets[2] = { ...asset, source: { ...asset.source, url } }
    expect(parseError(data)).toContain('assets[2] (fastestdet).source.url: must be a raw.githubusercontent.com URL pinned')
  })

  it('rejects a derived asset whose source is not in the manifest, and duplicate ids', () => {
    const data = rawManifest()
    const derivedIndex = data.assets.findIndex((asset) => asset.kind === 'derived-media')
    const derived = data.assets[derivedIndex] as { source: Record<string, unknown> }
    data.assets[derivedIndex] = { ...derived, source: { ...derived.source, from: 'no-such-clip' } }
    data.assets.push({ ...data.assets[0] })
    const message = parseError(data)
    expect(message).toContain('"no-such-clip" is not a model or media asset of this manifest')
    expect(message).toContain('duplicate id "nanodet-plus"')
  })

  it('rejects a model placed outside models/', () => {
    const data = rawManifest()
    data.assets[0] = { ...data.assets[0], destination: 'resources/media/object_detection_nanodet_2022nov.onnx' }
    expect(parseError(data)).toContain('assets[0] (nanodet-plus).destination: a model must live in models/')
  })

  it('reports a file that is not JSON', async () => {
    const root = await tempDir('bad-json')
    await mkdir(join(root, 'resources'))
    await writeFile(join(root, 'resources/assets.json'), '{ "assets": [')
    expect(() => loadAssetManifest(root)).toThrow(/assets\.json is not valid JSON/)
  })
})
