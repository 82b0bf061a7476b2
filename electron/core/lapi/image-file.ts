import { execFile } from 'node:child_process'
import type { RgbFrame } from './lapi-types'

/** Still images are small; a decode taking longer than this is a stuck ffmpeg. */
const DECODE_TIMEOUT_MS = 30_000
/** Large enough for a 8K RGB image; the limit only guards against a runaway output. */
const MAX_OUTPUT_BYTES = 8192 * 8192 * 3

/** "Stream #0:0: Video: rawvideo (RGB[24] / 0x18424752), rgb24(pc, …), 518x331, …" in ffmpeg's Output block. */
const OUTPUT_FRAME_SIZE = /Output #0[\s\S]*?Video: rawvideo.*?, (\d{1,5})x(\d{1,5})/u

export class ImageDecodeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImageDecodeError'
  }
}

/**
 * Decodes the first picture of an image file (PNG, JPEG, or anything ffmpeg reads) to RGB with ffmpeg
 * (`-f rawvideo -pix_fmt rgb24`), which Vigie already depends on, rather than adding an image library.
 * The size is read from ffmpeg's own description of its output, and checked against the byte count.
 * Note: EXIF orientation is not applied (ffmpeg does not rotate still images); camera frames have none.
 */
export function decodeImageFile(ffmpegPath: string, filePath: string): Promise<RgbFrame> {
  const args = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info', '-i', filePath, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']
  return new Promise((resolve, reject) => {
    execFile(ffmpegPath, args, { encoding: 'buffer', maxBuffer: MAX_OUTPUT_BYTES, timeout: DECODE_TIMEOUT_MS }, (error, stdout, stderr) => {
      const log = stderr.toString('utf8')
      if (error) {
        const reason = log.trim().split('\n').at(-1) ?? error.message
        reject(new ImageDecodeError(`ffmpeg could not decode ${filePath}: ${reason}`))
        return
      }
      const size = OUTPUT_FRAME_SIZE.exec(log)
      if (!size) {
        reject(new ImageDecodeError(`could not read the size of ${filePath} from ffmpeg's output`))
        return
      }
      const width = Number(size[1])
      const height = Number(size[2])
      if (stdout.length !== width * height * 3) {
        reject(new ImageDecodeError(`${filePath}: ffmpeg gave ${stdout.length} bytes for ${width}×${height} RGB`))
        return
      }
      resolve({ width, height, data: new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.length) })
    })
  })
}
