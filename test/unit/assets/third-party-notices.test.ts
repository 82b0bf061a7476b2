import { existsSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { REPO_ROOT, repositoryManifest } from './support'

const NoticeSchema = z.object({
  name: z.string().min(1),
  category: z.enum(['model', 'media', 'software']),
  licence: z.string().min(1),
  url: z.string().url(),
  attribution: z.string().min(1),
  assetId: z.string().optional(),
  licenceFile: z.string().optional(),
  packages: z.array(z.string()).optional(),
  note: z.string().optional()
}).strict()

const notices = z.array(NoticeSchema).parse(JSON.parse(readFileSync(join(REPO_ROOT, 'resources/third-party.json'), 'utf8')))
const thirdPartyAssets = repositoryManifest().assets.filter((asset) => asset.source.type !== 'repository')

describe('third-party notices', () => {
  it('credit every third-party asset exactly as resources/assets.json does', () => {
    for (const asset of thirdPartyAssets) {
      const notice = notices.find((entry) => entry.assetId === asset.id)
      expect(notice, asset.id).toMatchObject({
        name: basename(asset.destination),
        licence: asset.licence?.id,
        licenceFile: asset.licence?.file,
        attribution: asset.attribution
      })
    }
    expect(notices.filter((entry) => entry.category !== 'software')).toHaveLength(thirdPartyAssets.length)
  })

  it('cover the major npm dependencies, with the licence their package declares', () => {
    const required = ['electron', 'react', 'zustand', 'zod', 'ws', 'i18next', 'react-i18next', 'onnxruntime-node',
      'ffmpeg-static', 'electron-store', '@radix-ui/react-dialog', '@radix-ui/react-dropdown-menu']
    const byPackage = new Map(notices.flatMap((entry) => (entry.packages ?? []).map((name) => [name, entry] as const)))
    for (const name of required) {
      const notice = byPackage.get(name)
      expect(notice, name).toBeDefined()
      const manifestPath = join(REPO_ROOT, 'node_modules', name, 'package.json')
      // ffmpeg-static is optional and absent where its binary download failed; FFmpeg's licence is explained in a note.
      if (name === 'ffmpeg-static' || !existsSync(manifestPath)) continue
      const declared: unknown = JSON.parse(readFileSync(manifestPath, 'utf8')).license
      expect(notice?.licence, name).toBe(declared)
    }
  })

  it('are listed in NOTICE.md, in English and in French', () => {
    const notice = readFileSync(join(REPO_ROOT, 'resources/licenses/NOTICE.md'), 'utf8')
    const [english = '', french = ''] = notice.split('\n---\n')
    for (const asset of thirdPartyAssets) {
      const file = basename(asset.destination)
      const named = (text: string): boolean =>
        text.includes(file) || (asset.kind === 'derived-media' && file.startsWith('intel_') && text.includes('derived/intel_*.mp4'))
      expect(named(english), `${file} in English`).toBe(true)
      expect(named(french), `${file} in French`).toBe(true)
    }
    expect(french).toContain('Mentions')
  })
})
