import { describe, expect, it } from 'vitest'
import {
  FfmpegStderrParser,
  parseLogLine,
  parseVideoStreamLine,
  type ProcessExit
} from '../../../electron/core/ingest/ffmpeg-stderr'
import { LineBuffer } from '../../../electron/core/ingest/line-buffer'

/**
 * Real stderr of Debian's ffmpeg 5.1.9 run as the supervisor runs it (`-loglevel level+info -nostats`),
 * captured against gst-rtsp-server, python's http.server, closed ports and local files.
 */
const SAMPLES = {
  rtspRefused: [
    '[tcp @ 0x55b58315f940] [error] Connection to tcp://127.0.0.1:1?timeout=3000000 failed: Connection refused',
    '[error] rtsp://127.0.0.1:1/live: Connection refused'
  ],
  rtspUnknownHost: [
    '[tcp @ 0x55873af90940] [error] Failed to resolve hostname camera.invalid: Name or service not known',
    '[error] rtsp://camera.invalid/live: Input/output error'
  ],
  rtspWrongPassword: [
    '[rtsp @ 0x563a26b37a80] [error] method DESCRIBE failed: 401 Unauthorized',
    '[error] rtsp://admin:wrong@127.0.0.1:18562/live: Server returned 401 Unauthorized (authorization failed)'
  ],
  rtspWrongMount: [
    '[rtsp @ 0x5561b587ba80] [error] method DESCRIBE failed: 404 Not Found',
    '[error] rtsp://admin:s3cret@127.0.0.1:18562/nope: Server returned 404 Not Found'
  ],
  /** The server froze (SIGSTOP) mid-stream; ffmpeg exits with status 0 after its socket timeout. */
  rtspFrozen: [
    '[mp4 @ 0x557befffa280] [warning] Timestamps are unset in a packet for stream 0. This is deprecated and will stop working in the future. Fix your code to set the timestamps properly',
    '[mp4 @ 0x557befffa280] [warning] pts has no value',
    '[mp4 @ 0x557befffa280] [warning] Non-monotonous DTS in output stream 0:0; previous: 0, current: 0; changing to 1. This may result in incorrect timestamps in the output file.',
    '[error] rtsp://127.0.0.1:18571/live: Connection timed out'
  ],
  /** The server was killed mid-stream: ffmpeg sees the end of the stream and exits 0 without an error. */
  rtspServerGone: [
    '[mp4 @ 0x55f9481f8280] [warning] Timestamps are unset in a packet for stream 0. This is deprecated and will stop working in the future. Fix your code to set the timestamps properly',
    '[mp4 @ 0x55f9481f8280] [warning] pts has no value',
    '[mp4 @ 0x55f9481f8280] [warning] Non-monotonous DTS in output stream 0:0; previous: 0, current: 0; changing to 1. This may result in incorrect timestamps in the output file.'
  ],
  http404: [
    '[http @ 0x55ff5eb54380] [warning] HTTP error 404 File not found',
    '[error] http://127.0.0.1:18580/nope.mjpg: Server returned 404 Not Found'
  ],
  httpRefused: [
    '[tcp @ 0x55c50451b440] [error] Connection to tcp://127.0.0.1:1 failed: Connection refused',
    '[error] http://127.0.0.1:1/video.mjpg: Connection refused'
  ],
  missingFile: ['[error] /tmp/exp/missing.mp4: No such file or directory'],
  directory: ['[error] /tmp/exp: Is a directory'],
  garbageFile: [
    '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d07186ea40] [warning] Format mov,mp4,m4a,3gp,3g2,mj2 detected only with low score of 1, misdetection possible!',
    '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d07186ea40] [error] moov atom not found',
    '[error] /tmp/exp/garbage.mp4: Invalid data found when processing input'
  ],
  h264File: [
    "[info] Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'clip.mp4':",
    '[info]   Metadata:',
    '[info]     major_brand     : isom',
    '[info]   Duration: 00:00:04.00, start: 0.000000, bitrate: 710 kb/s',
    '[info]   Stream #0:0[0x1](und): Video: h264 (Main) (avc1 / 0x31637661), yuv420p(progressive), 640x360 [SAR 1:1 DAR 16:9], 706 kb/s, 25 fps, 25 tbr, 12800 tbn (default)',
    '[info]     Metadata:',
    '[info]       handler_name    : VideoHandler',
    "[info] Output #0, mp4, to 'pipe:1':",
    '[info]   Stream #0:0(und): Video: h264 (Main) (avc1 / 0x31637661), yuv420p(progressive), 640x360 [SAR 1:1 DAR 16:9], q=2-31, 706 kb/s, 25 fps, 25 tbr, 12800 tbn (default)',
    '[info] Stream mapping:',
    '[info]   Stream #0:0 -> #0:0 (copy)'
  ],
  mjpegFileCopied: [
    "[info] Input #0, avi, from 'mj.avi':",
    '[info]   Duration: 00:00:04.00, start: 0.000000, bitrate: 3447 kb/s',
    '[info]   Stream #0:0: Video: mjpeg (Baseline) (MJPG / 0x47504A4D), yuvj420p(pc, bt470bg/unknown/unknown), 640x360 [SAR 1:1 DAR 16:9], 3465 kb/s, 25 fps, 25 tbr, 25 tbn',
    "[info] Output #0, mp4, to 'pipe:1':",
    // What ffmpeg then writes when we copy: the output line repeats the input codec; it must not count.
    '[info]   Stream #0:0: Video: mjpeg (Baseline) (mp4v / 0x7634706D), yuvj420p(pc, bt470bg/unknown/unknown), 640x360 [SAR 1:1 DAR 16:9], q=2-31, 3465 kb/s, 25 fps, 25 tbr, 12800 tbn'
  ],
  hls: [
    "[hls @ 0x5630d6c73ac0] [info] Opening 'http://127.0.0.1:18581/live0.ts' for reading",
    "[info] Input #0, hls, from 'http://127.0.0.1:18581/live.m3u8':",
    '[info]   Program 0 ',
    '[info]   Stream #0:0: Video: h264 (Main) ([27][0][0][0] / 0x001B), yuv420p, 640x360 [SAR 1:1 DAR 16:9], 25 fps, 25 tbr, 90k tbn'
  ]
} as const

const CLEAN_EXIT: ProcessExit = { code: 0, signal: null }
const ERROR_EXIT: ProcessExit = { code: 1, signal: null }

function failureOf(lines: readonly string[], exit: ProcessExit = ERROR_EXIT) {
  const parser = new FfmpegStderrParser()
  for (const line of lines) parser.push(line)
  return parser.describeFailure(exit)
}

describe('describeFailure on real ffmpeg stderr', () => {
  it.each([
    ['rtspRefused', 'CONNECTION_REFUSED', /Connexion refusée/],
    ['httpRefused', 'CONNECTION_REFUSED', /Connexion refusée/],
    ['rtspUnknownHost', 'HOST_UNREACHABLE', /nom d’hôte inconnu/],
    ['rtspWrongPassword', 'UNAUTHORIZED', /mot de passe refusé.*401/],
    ['rtspWrongMount', 'NOT_FOUND', /Flux introuvable.*404/],
    ['http404', 'NOT_FOUND', /Flux introuvable/],
    ['missingFile', 'FILE_NOT_FOUND', /Fichier vidéo introuvable/],
    ['directory', 'FILE_NOT_FOUND', /dossier/],
    ['garbageFile', 'INVALID_DATA', /Flux illisible/]
  ] as const)('%s → %s', (sample, code, message) => {
    const failure = failureOf(SAMPLES[sample])
    expect(failure.code).toBe(code)
    expect(failure.message).toMatch(message)
  })

  it('reads a timeout even though ffmpeg exited with status 0', () => {
    expect(failureOf(SAMPLES.rtspFrozen, CLEAN_EXIT)).toEqual({
      code: 'TIMEOUT',
      message: 'La caméra ne répond plus (délai dépassé)'
    })
  })

  it('reports the end of the stream when ffmpeg stops cleanly, ignoring start-up timestamp warnings', () => {
    expect(failureOf(SAMPLES.rtspServerGone, CLEAN_EXIT).code).toBe('END_OF_STREAM')
    expect(failureOf([], CLEAN_EXIT).message).toBe('Fin du flux : la source a cessé d’émettre')
  })

  it('falls back to the last error line, without credentials and shortened', () => {
    const failure = failureOf([
      '[error] something odd happened',
      `[error] rtsp://admin:hunter2@cam/live: Unexpected condition ${'x'.repeat(300)}`
    ])
    expect(failure.code).toBe('OTHER')
    expect(failure.message).toMatch(/^Erreur ffmpeg : rtsp:\/\/\*\*\*@cam\/live: Unexpected condition x+…$/)
    expect(failure.message).not.toContain('hunter2')
    expect(failure.message.length).toBeLessThanOrEqual(200)
  })

  it('explains a crash or an error status when stderr says nothing', () => {
    expect(failureOf([], { code: null, signal: 'SIGSEGV' })).toEqual({ code: 'OTHER', message: 'ffmpeg s’est arrêté brutalement (SIGSEGV)' })
    expect(failureOf([], { code: 187, signal: null }).message).toBe('ffmpeg s’est arrêté avec le code 187')
  })

  it('prefers an error over an older warning', () => {
    const failure = failureOf(['[warning] HTTP error 404 File not found', '[error] cam: Connection refused'])
    expect(failure.code).toBe('CONNECTION_REFUSED')
  })

  it('does not mistake numbers in warnings for HTTP statuses', () => {
    const failure = failureOf(['[warning] Non-monotonous DTS; previous: 401, current: 404'], CLEAN_EXIT)
    expect(failure.code).toBe('END_OF_STREAM')
  })

  it('never keeps more than the last few problem lines', () => {
    const parser = new FfmpegStderrParser(3)
    parser.push('[error] cam: Connection refused')
    for (let i = 0; i < 5; i += 1) parser.push(`[error] unrelated ${i}`)
    expect(parser.describeFailure(ERROR_EXIT).message).toBe('Erreur ffmpeg : unrelated 4')
  })
})

describe('input video detection', () => {
  it('reads codec, profile and pixel format from the Input block only', () => {
    const parser = new FfmpegStderrParser()
    const found = SAMPLES.h264File.map((line) => parser.push(line)).filter((video) => video !== undefined)
    expect(found).toEqual([{ codec: 'h264', profile: 'Main', pixelFormat: 'yuv420p' }])
    expect(parser.inputVideo).toEqual({ codec: 'h264', profile: 'Main', pixelFormat: 'yuv420p' })
  })

  it('finds MJPEG as the input even when the output line repeats it', () => {
    const parser = new FfmpegStderrParser()
    for (const line of SAMPLES.mjpegFileCopied) parser.push(line)
    expect(parser.inputVideo).toEqual({ codec: 'mjpeg', profile: 'Baseline', pixelFormat: 'yuvj420p' })
  })

  it('handles RTSP and HLS stream lines (no stream id suffix, codec tag in the first group)', () => {
    expect(parseVideoStreamLine('Stream #0:0: Video: h264 (Constrained Baseline), yuv420p(progressive), 640x360, 25 fps')).toEqual({
      codec: 'h264',
      profile: 'Constrained Baseline',
      pixelFormat: 'yuv420p'
    })
    const parser = new FfmpegStderrParser()
    for (const line of SAMPLES.hls) parser.push(line)
    expect(parser.inputVideo).toEqual({ codec: 'h264', profile: 'Main', pixelFormat: 'yuv420p' })
    expect(parseVideoStreamLine('Stream #0:1: Video: hevc (Main) (hvc1 / 0x31637668), none, 1920x1080')).toEqual({
      codec: 'hevc',
      profile: 'Main'
    })
    expect(parseVideoStreamLine('Stream #0:1: Audio: aac (LC), 48000 Hz')).toBeUndefined()
  })
})

describe('parseLogLine', () => {
  it('splits the level from the text, with or without a component', () => {
    expect(parseLogLine('[tcp @ 0x55] [error] Connection refused')).toEqual({ level: 'error', text: 'Connection refused' })
    expect(parseLogLine('[info]   Stream mapping:')).toEqual({ level: 'info', text: 'Stream mapping:' })
    expect(parseLogLine('no level at all')).toEqual({ level: undefined, text: 'no level at all' })
    expect(parseLogLine('[nonsense] text')).toEqual({ level: undefined, text: '[nonsense] text' })
  })
})

describe('LineBuffer', () => {
  it('joins lines split across chunks and splits on \\r as well as \\n', () => {
    const buffer = new LineBuffer()
    expect(buffer.push('[error] Connec')).toEqual([])
    expect(buffer.push('tion refused\r\n[info] frame=1\rframe=2\n\n')).toEqual(['[error] Connection refused', '[info] frame=1', 'frame=2'])
    expect(buffer.push('tail')).toEqual([])
    expect(buffer.flush()).toEqual(['tail'])
  })

  it('cuts endless lines instead of buffering them', () => {
    const buffer = new LineBuffer(10)
    expect(buffer.push('x'.repeat(25))).toEqual(['x'.repeat(10)])
    expect(buffer.push('yy\n')).toEqual(['yy'])
  })
})
