import { describe, expect, it } from 'vitest'
import { parseCameraSource, type CameraSource } from '../../../electron/core/ingest/camera-source'
import { buildAnalysisArgs, buildDisplayArgs, canCopyForDisplay } from '../../../electron/core/ingest/ffmpeg-args'

function source(url: string, rtspTransport?: 'tcp' | 'udp'): CameraSource {
  const result = parseCameraSource(url, rtspTransport ? { rtspTransport } : {})
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** The value following `flag`, to check options without depending on their order. */
function valueOf(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag)
  return index === -1 ? undefined : args[index + 1]
}

/** Arguments before `-i` are input options; after it, output options. */
function split(args: readonly string[]): { input: string[]; output: string[] } {
  const index = args.indexOf('-i')
  return { input: args.slice(0, index), output: args.slice(index + 2) }
}

describe('buildDisplayArgs', () => {
  it('always starts quiet, never reads stdin, and keeps the info-level stream description', () => {
    const args = buildDisplayArgs({ source: source('/srv/a.mp4'), transcode: false })
    expect(args.slice(0, 5)).toEqual(['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'level+info'])
  })

  it('copies H.264 into fragmented MP4 on stdout, video only', () => {
    const args = buildDisplayArgs({ source: source('rtsp://cam/live'), transcode: false })
    expect(split(args).output).toEqual([
      '-map', '0:v:0', '-an', '-sn', '-dn',
      '-c:v', 'copy',
      '-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-frag_duration', '500000', 'pipe:1'
    ])
  })

  it('transcodes with low-latency libx264 and a keyframe every second', () => {
    const args = buildDisplayArgs({ source: source('rtsp://cam/live'), transcode: true })
    const { output } = split(args)
    expect(valueOf(output, '-c:v')).toBe('libx264')
    expect(valueOf(output, '-preset')).toBe('veryfast')
    expect(valueOf(output, '-tune')).toBe('zerolatency')
    expect(valueOf(output, '-profile:v')).toBe('main')
    expect(valueOf(output, '-pix_fmt')).toBe('yuv420p')
    expect(valueOf(output, '-g')).toBe('25')
    expect(valueOf(output, '-force_key_frames')).toBe('expr:gte(t,n_forced*1)')
    expect(output).toContain('-an')
    expect(output.slice(-7)).toEqual(['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-frag_duration', '500000', 'pipe:1'])
    expect(valueOf(buildDisplayArgs({ source: source('rtsp://cam/live'), transcode: true, assumedFps: 30 }), '-g')).toBe('30')
  })

  it('gives RTSP its transport and a socket timeout in microseconds', () => {
    const tcp = split(buildDisplayArgs({ source: source('rtsp://cam/live'), transcode: false })).input
    expect(valueOf(tcp, '-rtsp_transport')).toBe('tcp')
    expect(valueOf(tcp, '-timeout')).toBe('5000000')
    const udp = split(buildDisplayArgs({ source: source('rtsp://cam/live', 'udp'), transcode: false, ioTimeoutMs: 3000 })).input
    expect(valueOf(udp, '-rtsp_transport')).toBe('udp')
    expect(valueOf(udp, '-timeout')).toBe('3000000')
    expect(tcp).not.toContain('-re')
  })

  it('loops files at their native rate', () => {
    const args = buildDisplayArgs({ source: source('/srv/clips/a.mp4'), transcode: false })
    expect(split(args).input).toEqual(expect.arrayContaining(['-re', '-stream_loop', '-1']))
    expect(valueOf(args, '-i')).toBe('/srv/clips/a.mp4')
    expect(args).not.toContain('-rtsp_transport')
  })

  it('gives HTTP short reconnects and an I/O timeout, for MJPEG and HLS alike', () => {
    for (const url of ['http://cam/video.mjpg', 'https://cam/live.m3u8']) {
      const { input } = split(buildDisplayArgs({ source: source(url), transcode: true }))
      expect(valueOf(input, '-reconnect')).toBe('1')
      expect(valueOf(input, '-reconnect_streamed')).toBe('1')
      expect(valueOf(input, '-reconnect_delay_max')).toBe('2')
      expect(valueOf(input, '-rw_timeout')).toBe('5000000')
    }
  })

  it('passes the URL as one argument, credentials included, right after -i', () => {
    const args = buildDisplayArgs({ source: source('rtsp://admin:s3cret@cam/live?channel=1&subtype=0'), transcode: false })
    expect(valueOf(args, '-i')).toBe('rtsp://admin:s3cret@cam/live?channel=1&subtype=0')
  })

  it('burns a mask image in: the camera stays input 0, and the stream is transcoded even when it could be copied', () => {
    const args = buildDisplayArgs({ source: source('rtsp://cam/live'), transcode: false, maskImage: '/data/masks/quai-ab12.pgm' })
    const inputs = args.flatMap((arg, index) => (arg === '-i' ? [args[index + 1]] : []))
    expect(inputs).toEqual(['rtsp://cam/live', '/data/masks/quai-ab12.pgm'])
    // Nothing may come between the camera and the mask: no option of the camera's may apply to the mask.
    expect(args.indexOf('-i', args.indexOf('-i') + 1) - args.indexOf('-i')).toBe(2)
    const graph = valueOf(args, '-filter_complex') ?? ''
    expect(graph).toMatch(/^\[1:v:0\]/u)
    expect(graph).toContain('[0:v:0]')
    expect(graph).toMatch(/\[masked\]$/u)
    expect(valueOf(args, '-map')).toBe('[masked]')
    expect(args).not.toContain('0:v:0')
    expect(valueOf(args, '-c:v')).toBe('libx264')
    expect(valueOf(args, '-force_key_frames')).toBe('expr:gte(t,n_forced*1)')
    expect(args.slice(-7)).toEqual(['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-frag_duration', '500000', 'pipe:1'])
  })

  it('is pure', () => {
    const options = { source: source('rtsp://cam/live'), transcode: true }
    expect(buildDisplayArgs(options)).toEqual(buildDisplayArgs(options))
  })
})

describe('canCopyForDisplay', () => {
  it('copies 8-bit 4:2:0 H.264 only', () => {
    expect(canCopyForDisplay({ codec: 'h264', profile: 'Main', pixelFormat: 'yuv420p' })).toBe(true)
    expect(canCopyForDisplay({ codec: 'h264', profile: 'High', pixelFormat: 'yuvj420p' })).toBe(true)
    expect(canCopyForDisplay({ codec: 'h264' })).toBe(true)
    expect(canCopyForDisplay({ codec: 'h264', profile: 'High 10', pixelFormat: 'yuv420p10le' })).toBe(false)
    expect(canCopyForDisplay({ codec: 'h264', profile: 'High 4:2:2', pixelFormat: 'yuv422p' })).toBe(false)
    expect(canCopyForDisplay({ codec: 'hevc', profile: 'Main', pixelFormat: 'yuv420p' })).toBe(false)
    expect(canCopyForDisplay({ codec: 'mjpeg', pixelFormat: 'yuvj420p' })).toBe(false)
  })
})

describe('buildAnalysisArgs', () => {

  it('scales every camera to the analysis width, or between a floor and a ceiling without upscaling past the floor', () => {
    const camera = source('rtsp://10.0.0.5/live')
    expect(valueOf(buildAnalysisArgs({ source: camera, fps: 5, width: 640 }), '-vf')).toBe('fps=5,scale=640:-2')
    expect(valueOf(buildAnalysisArgs({ source: camera, fps: 5, width: 1280, minWidth: 640 }), '-vf')).toBe("fps=5,scale='min(1280,max(640,iw))':-2")
  })
})
