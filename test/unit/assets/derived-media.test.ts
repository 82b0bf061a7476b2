import { execFileSync } from 'node:child_process'
import { copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkAssetFile } from '../../../electron/core/assets/check-assets'
import { fetchAssets } from '../../../electron/core/assets/fetch-assets'
import { probeVideo } from '../../../electron/core/assets/ffmpeg-video'
import { FFMPEG, MIRROR_DIR, quietLog, repositoryAsset, repositoryManifestWith, tempDir } from './support'

const GIF_ID = 'intel-people-detection-gif'
const MP4_ID = 'intel-people-detection-mp4'

/** A mirror holding only the GIF, so the MP4 has to be made locally. */
async function mirrorWithGifOnly(): Promise<string> {
  const mirror = await tempDir('gif-mirror')
  await mkdir(join(mirror, 'media'))
  await copyFile(join(MIRROR_DIR, 'media/intel_people-detection.gif'), join(mirror, 'media/intel_people-detection.gif'))
  return mirror
}

describe('derived media', () => {
  it('are made from their GIF with ffmpeg and checked by frame count', async () => {
    const root = await tempDir('root')
    const reports = await fetchAssets({
      rootDir: root,
      mirrorDir: await mirrorWithGifOnly(),
      ffmpegPath: FFMPEG,
      manifest: repositoryManifestWith(GIF_ID, MP4_ID),
      log: quietLog
    })

    expect(reports.map(({ id, status }) => ({ id, status }))).toEqual([
      { id: GIF_ID, status: 'copied' },
      { id: MP4_ID, status: 'generated' }
    ])
    const made = join(root, 'resources/media/derived/intel_people-detection.mp4')
    expect(await probeVideo(FFMPEG, made)).toEqual({ frames: 23, width: 480, height: 270 })
  })

  it('include a zoom clip made from a still image by its recipe', async () => {
    const mirror = await tempDir('png-mirror')
    await mkdir(join(mirror, 'media'))
    await copyFile(join(MIRROR_DIR, 'media/fastalpr_test_image.png'), join(mirror, 'media/fastalpr_test_image.png'))
    const root = await tempDir('root')
    const reports = await fetchAssets({
      rootDir: root,
      mirrorDir: mirror,
      ffmpegPath: FFMPEG,
      manifest: repositoryManifestWith('fastalpr-test-image', 'fastalpr-test-image-zoom-mp4'),
      log: quietLog
    })
    expect(reports.map((report) => report.status)).toEqual(['copied', 'generated'])
    const made = join(root, 'resources/media/derived/fastalpr_test_image_zoom.mp4')
    expect(await probeVideo(FFMPEG, made)).toEqual({ frames: 150, width: 518, height: 330 })
  })

  it('are reported as failed, not thrown, when no ffmpeg is available', async () => {
    const root = await tempDir('root')
    const reports = await fetchAssets({
      rootDir: root,
      mirrorDir: await mirrorWithGifOnly(),
      manifest: repositoryManifestWith(GIF_ID, MP4_ID),
      log: quietLog
    })
    expect(reports[1]).toMatchObject({
      status: 'failed',
      reason: 'ffmpeg is needed to make it from resources/media/intel_people-detection.gif, and none was found'
    })
  })

  it('with the wrong number of frames are rejected', async () => {
    const dir = await tempDir('short')
    const short = join(dir, 'short.mp4')
    execFileSync(FFMPEG, [
      '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=480x270:rate=12',
      '-frames:v', '5', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', short
    ])
    expect(await checkAssetFile(repositoryAsset(MP4_ID), short, FFMPEG)).toEqual({
      state: 'invalid',
      reason: 'has 5 frames of 480x270, expected 23 frames of 480x270'
    })
  })

  it('of the mirror match the frame counts and sizes the manifest expects', async () => {
    for (const id of ['intel-classroom-mp4', 'fastalpr-test-image-zoom-mp4']) {
      const asset = repositoryAsset(id)
      if (asset.kind !== 'derived-media') throw new Error(`${id} is not derived media`)
      const file = join(MIRROR_DIR, 'media/derived', asset.destination.split('/').pop() ?? '')
      expect(await probeVideo(FFMPEG, file)).toEqual(asset.source.expect)
    }
  })
})
