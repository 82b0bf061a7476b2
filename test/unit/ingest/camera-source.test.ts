import { describe, expect, it } from 'vitest'
import { parseCameraSource, redactSource } from '../../../electron/core/ingest/camera-source'

function parsed(url: string, opts?: Parameters<typeof parseCameraSource>[1]) {
  const result = parseCameraSource(url, opts)
  if (!result.ok) throw new Error(`expected ${url} to parse, got: ${result.error.message}`)
  return result.value
}

function rejection(url: string): string {
  const result = parseCameraSource(url)
  if (result.ok) throw new Error(`expected ${url} to be rejected`)
  expect(result.error.code).toBe('INVALID_URL')
  expect(result.error.message).toMatch(/^Adresse de caméra invalide : /)
  return result.error.message
}

describe('parseCameraSource', () => {
  it('accepts RTSP with credentials, defaulting to TCP, and never shows the password', () => {
    const source = parsed('  rtsp://admin:s3cret@192.168.1.64:554/Streaming/Channels/101  ')
    expect(source).toEqual({
      kind: 'rtsp',
      input: 'rtsp://admin:s3cret@192.168.1.64:554/Streaming/Channels/101',
      display: 'rtsp://***@192.168.1.64:554/Streaming/Channels/101',
      transport: 'tcp'
    })
  })

  it('honours the requested RTSP transport and accepts rtsps', () => {
    expect(parsed('rtsp://cam.local/live', { rtspTransport: 'udp' })).toMatchObject({ kind: 'rtsp', transport: 'udp' })
    expect(parsed('rtsps://cam.local:322/live')).toMatchObject({ kind: 'rtsp', input: 'rtsps://cam.local:322/live' })
  })

  it('keeps query strings that cameras use (Dahua style)', () => {
    const source = parsed('rtsp://10.0.0.5/cam/realmonitor?channel=1&subtype=0')
    expect(source.input).toBe('rtsp://10.0.0.5/cam/realmonitor?channel=1&subtype=0')
  })

  it('lower-cases only the scheme, because ffmpeg matches protocol names exactly', () => {
    expect(parsed('RTSP://Cam.Local/Live').input).toBe('rtsp://Cam.Local/Live')
  })

  it('accepts IPv6 literals', () => {
    expect(parsed('rtsp://[::1]:8554/live').kind).toBe('rtsp')
  })

  it('recognises HLS playlists and leaves other HTTP streams (MJPEG) to ffmpeg’s detection', () => {
    expect(parsed('https://cam.example/hls/live.M3U8')).toMatchObject({ kind: 'http', format: 'hls' })
    expect(parsed('http://10.0.0.7/axis-cgi/mjpg/video.cgi?resolution=640x480')).toMatchObject({
      kind: 'http',
      format: 'auto'
    })
  })

  it('accepts absolute paths and file:// URLs as looping files', () => {
    expect(parsed('/srv/clips/carrefour.mp4')).toEqual({
      kind: 'file',
      input: '/srv/clips/carrefour.mp4',
      display: '/srv/clips/carrefour.mp4'
    })
    expect(parsed('file:///srv/clips/place%20centrale.mp4')).toMatchObject({
      kind: 'file',
      input: '/srv/clips/place centrale.mp4'
    })
    // Apostrophes are common in French file names and harmless in a path (no shell is involved).
    expect(parsed("/srv/clips/l'entrée.mp4").input).toBe("/srv/clips/l'entrée.mp4")
  })

  it('rejects empty, relative and scheme-less input', () => {
    expect(rejection('   ')).toContain('vide')
    expect(rejection('clips/camera.mp4')).toContain('chemin absolu')
    expect(rejection('192.168.1.10')).toContain('ni une URL')
  })

  it('rejects unknown schemes, naming the supported ones', () => {
    expect(rejection('ftp://cam.local/video')).toContain('« ftp » n’est pas pris en charge (rtsp, rtsps, http, https, file)')
    expect(rejection('javascript:alert(1)')).toContain('« javascript »')
  })

  it('rejects a missing or invalid host and an invalid port', () => {
    expect(rejection('rtsp:///live')).toContain('il manque le nom ou l’adresse IP')
    expect(rejection('rtsp:/live')).toContain('il manque')
    expect(rejection('rtsp://cam_1.local..bad/live')).toContain('nom d’hôte')
    expect(rejection('rtsp://cam.local:99999/live')).toContain('URL mal formée')
    expect(rejection('rtsp://cam.local:0/live')).toContain('port 0')
    expect(rejection('http://')).toContain('mal formée')
  })

  it('rejects shell-like and control characters, explaining how to encode them', () => {
    expect(rejection('rtsp://cam.local/live;reboot')).toContain('caractère interdit « ; » (encodez-le, par ex. %3B)')
    expect(rejection('rtsp://cam.local/$(id)')).toContain('« $ »')
    expect(rejection('rtsp://cam.local/a`b`')).toContain('« ` »')
    expect(rejection('rtsp://cam.local/a b')).toContain('caractère interdit espace')
    expect(rejection('rtsp://cam.local/live\nrtsp://evil')).toContain('caractère de contrôle')
    expect(rejection('/srv/clip.mp4\u0000.txt')).toContain('caractère de contrôle')
  })

  it('rejects remote file URLs and absurdly long input', () => {
    expect(rejection('file://nas/share/clip.mp4')).toContain('fichiers locaux')
    expect(rejection(`rtsp://cam.local/${'a'.repeat(3000)}`)).toContain('2048')
  })

  it('never puts credentials in its error messages', () => {
    const message = rejection('rtsp://admin:hunter2@cam.local/live;x')
    expect(message).not.toContain('hunter2')
    expect(message).not.toContain('admin')
  })
})

describe('redactSource', () => {
  it('hides user and password, even an unencoded @ in the password', () => {
    expect(redactSource('rtsp://admin:pa@ss@10.0.0.1/live')).toBe('rtsp://***@10.0.0.1/live')
    expect(redactSource('rtsp://viewer@10.0.0.1/live')).toBe('rtsp://***@10.0.0.1/live')
  })

  it('hides secrets passed as query parameters', () => {
    expect(redactSource('http://10.0.0.7/video.cgi?user=admin&pwd=1234&res=hd')).toBe(
      'http://10.0.0.7/video.cgi?user=***&pwd=***&res=hd'
    )
    expect(redactSource('https://cdn.example/live.m3u8?token=abc.def')).toBe('https://cdn.example/live.m3u8?token=***')
  })

  it('works inside log lines holding several URLs, and leaves plain ones alone', () => {
    expect(redactSource("[error] rtsp://a:b@h1/x: Server returned 401; retry rtsp://c:d@h2/y")).toBe(
      '[error] rtsp://***@h1/x: Server returned 401; retry rtsp://***@h2/y'
    )
    expect(redactSource('rtsp://127.0.0.1:8554/live')).toBe('rtsp://127.0.0.1:8554/live')
    expect(redactSource('/srv/clips/a@b.mp4')).toBe('/srv/clips/a@b.mp4')
  })
})
