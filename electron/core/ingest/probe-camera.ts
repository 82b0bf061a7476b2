import type { CameraProbeResult } from '../../shared/contract'
import { parseCameraSource } from './camera-source'
import { buildDisplayArgs } from './ffmpeg-args'
import { FfmpegStderrParser } from './ffmpeg-stderr'
import { spawnGuarded, type SpawnProcess } from './child-process-guard'
import { LineBuffer } from './line-buffer'

export interface ProbeParams {
  ffmpegPath: string
  source: string
  rtspTransport: 'tcp' | 'udp'
  timeoutMs?: number
  spawnProcess?: SpawnProcess
}

const FRAME_SIZE = /, (\d{2,5})x(\d{2,5})[ ,]/u

/**
 * The admin's « Tester » button: opens the source with the very command the wall would use, and stops
 * as soon as ffmpeg has described the video stream, or has failed with a readable reason.
 */
export function probeCamera(params: ProbeParams): Promise<CameraProbeResult> {
  const parsed = parseCameraSource(params.source, { rtspTransport: params.rtspTransport })
  if (!parsed.ok) return Promise.resolve({ reachable: false, message: parsed.error.message })

  const child = (params.spawnProcess ?? spawnGuarded)(params.ffmpegPath, buildDisplayArgs({ source: parsed.value, transcode: false }))
  const stderr = new FfmpegStderrParser()
  const lines = new LineBuffer()

  return new Promise<CameraProbeResult>((resolve) => {
    let settled = false
    const finish = (result: CameraProbeResult): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      child.kill('SIGKILL')
      resolve(result)
    }
    const timer = setTimeout(
      () => finish({ reachable: false, message: 'La caméra ne répond pas (délai dépassé)' }),
      params.timeoutMs ?? 12_000
    )
    child.stdout.resume()
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      for (const line of lines.push(chunk)) {
        const video = stderr.push(line)
        if (!video) continue
        const size = FRAME_SIZE.exec(line)
        finish({
          reachable: true,
          codec: video.codec,
          ...(size ? { width: Number(size[1]), height: Number(size[2]) } : {}),
          message: `Flux vidéo ${video.codec}${size ? ` ${size[1]}×${size[2]}` : ''} reçu`
        })
      }
    })
    child.on('error', (error) => finish({ reachable: false, message: `ffmpeg ne démarre pas : ${error.message}` }))
    child.on('close', (code, signal) => finish({ reachable: false, message: stderr.describeFailure({ code, signal }).message }))
  })
}
