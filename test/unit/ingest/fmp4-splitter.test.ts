import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { Fmp4Splitter, Mp4FormatError, type SplitterEvent } from '../../../electron/core/ingest/fmp4-splitter'
import { CLIP_FPS, CLIP_SECONDS, ffmpegForTests, makeH264Clip } from '../../fixtures/make-clip'
import { ascii, box, fragment, initSegment, largeBox, NON_SYNC_SAMPLE, SYNC_SAMPLE, u32 } from './test-support'

const execFileAsync = promisify(execFile)

function concat(...parts: readonly Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts))
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0
}

/** Feeds `bytes` in chunks whose sizes come from a seeded generator, so every run cuts the same way. */
function feedInRandomChunks(splitter: Fmp4Splitter, bytes: Uint8Array, seed: number, maxChunk: number): SplitterEvent[] {
  let state = seed
  const events: SplitterEvent[] = []
  for (let offset = 0; offset < bytes.length; ) {
    state = (state * 1103515245 + 12345) % 2 ** 31
    const size = 1 + (state % maxChunk)
    events.push(...splitter.push(bytes.subarray(offset, offset + size)))
    offset += size
  }
  return events
}

describe('Fmp4Splitter with synthetic boxes', () => {
  it('emits ftyp+moov as the init segment with the avcC codec string', () => {
    const init = initSegment({ profile: 0x42, compatibility: 0xe0, level: 0x1f })
    const events = new Fmp4Splitter().push(init)
    expect(events).toEqual([{ kind: 'init', data: init, codec: 'avc1.42E01F' }])
  })

  it('emits moof+mdat as one fragment', () => {
    const media = fragment('trun-first', SYNC_SAMPLE)
    const events = new Fmp4Splitter().push(concat(initSegment(), media))
    expect(events).toHaveLength(2)
    expect(events[1]).toEqual({ kind: 'fragment', data: media, keyframe: true })
  })

  it('reassembles boxes split at every possible byte, one byte at a time', () => {
    const stream = concat(initSegment(), fragment('trun-first', SYNC_SAMPLE), fragment('trun-first', NON_SYNC_SAMPLE))
    const splitter = new Fmp4Splitter()
    const events = [...stream].flatMap((byte) => splitter.push(Uint8Array.of(byte)))
    expect(events.map((event) => event.kind)).toEqual(['init', 'fragment', 'fragment'])
    expect(events.map((event) => (event.kind === 'fragment' ? event.keyframe : null))).toEqual([null, true, false])
    expect(splitter.bufferedBytes).toBe(0)
  })

  it.each([
    ['trun first_sample_flags', 'trun-first'],
    ['the first sample’s own flags in trun', 'trun-sample'],
    ['tfhd default_sample_flags', 'tfhd-default']
  ] as const)('reads the keyframe flag from %s', (_label, where) => {
    const splitter = new Fmp4Splitter()
    splitter.push(initSegment())
    const [sync] = splitter.push(fragment(where, SYNC_SAMPLE))
    const [nonSync] = splitter.push(fragment(where, NON_SYNC_SAMPLE))
    expect(sync).toMatchObject({ kind: 'fragment', keyframe: true })
    expect(nonSync).toMatchObject({ kind: 'fragment', keyframe: false })
  })

  it('falls back to the trex default of the init segment, and to true when no flags exist anywhere', () => {
    const nonSyncByDefault = new Fmp4Splitter()
    nonSyncByDefault.push(initSegment(undefined, NON_SYNC_SAMPLE))
    expect(nonSyncByDefault.push(fragment('none', 0))[0]).toMatchObject({ keyframe: false })

    const moofWithoutTraf = box('moof', box('mfhd', u32(0, 1)))
    const unknown = new Fmp4Splitter()
    unknown.push(initSegment())
    expect(unknown.push(concat(moofWithoutTraf, box('mdat', new Uint8Array(4))))[0]).toMatchObject({ keyframe: true })
  })

  it('accepts 64-bit largesize boxes', () => {
    const media = fragment('trun-first', SYNC_SAMPLE)
    const moofEnd = new DataView(media.buffer).getUint32(0)
    const bigMdat = largeBox('mdat', new Uint8Array(40))
    const splitter = new Fmp4Splitter()
    splitter.push(initSegment())
    const events = splitter.push(concat(media.subarray(0, moofEnd), bigMdat))
    expect(events).toEqual([{ kind: 'fragment', data: concat(media.subarray(0, moofEnd), bigMdat), keyframe: true }])
  })

  it('ignores boxes a live player does not need (free, styp, sidx, mfra)', () => {
    const splitter = new Fmp4Splitter()
    const events = splitter.push(
      concat(initSegment(), box('styp', ascii('msdh')), box('free'), fragment('trun-first', SYNC_SAMPLE), box('mfra', u32(0)))
    )
    expect(events.map((event) => event.kind)).toEqual(['init', 'fragment'])
  })

  it('starts over when a new ftyp arrives', () => {
    const splitter = new Fmp4Splitter()
    const first = initSegment({ profile: 0x42, compatibility: 0xc0, level: 0x1e })
    const second = initSegment({ profile: 0x64, compatibility: 0x00, level: 0x28 })
    const events = splitter.push(concat(first, fragment('trun-first', SYNC_SAMPLE), second))
    expect(events.filter((event) => event.kind === 'init').map((event) => (event.kind === 'init' ? event.codec : ''))).toEqual([
      'avc1.42C01E',
      'avc1.640028'
    ])
  })

  it('refuses an absurd box size at once instead of buffering for it', () => {
    const splitter = new Fmp4Splitter({ maxBoxBytes: 1024 })
    splitter.push(initSegment())
    const header = concat(u32(50_000_000), ascii('mdat'))
    expect(() => splitter.push(header)).toThrow(Mp4FormatError)
    expect(() => new Fmp4Splitter().push(concat(u32(1), ascii('mdat'), u32(0xffff_ffff, 0xffff_ffff)))).toThrow(/over the/)
  })

  it('refuses sizes that cannot be, unbounded boxes, and bytes that are not MP4', () => {
    expect(() => new Fmp4Splitter().push(concat(u32(4), ascii('ftyp')))).toThrow(/impossible size/)
    expect(() => new Fmp4Splitter().push(concat(u32(0), ascii('mdat')))).toThrow(/no size/)
    expect(() => new Fmp4Splitter().push(ascii('HTTP/1.1 200 OK\r\n'))).toThrow(/not MP4/)
    expect(() => new Fmp4Splitter().push(concat(u32(100), Uint8Array.of(0, 1, 2, 3)))).toThrow(Mp4FormatError)
  })

  it('refuses media before any init segment', () => {
    expect(() => new Fmp4Splitter().push(fragment('trun-first', SYNC_SAMPLE))).toThrow(/before the init segment/)
  })

  it('hands out copies that later chunks cannot change', () => {
    const splitter = new Fmp4Splitter()
    const stream = concat(initSegment(), fragment('trun-first', SYNC_SAMPLE))
    const [init] = splitter.push(stream)
    stream.fill(0)
    expect(init).toMatchObject({ kind: 'init', codec: 'avc1.4D401E' })
    expect(init?.data[4]).toBe('f'.charCodeAt(0))
  })
})

describe('Fmp4Splitter with real ffmpeg output', () => {
  let clip: string
  beforeAll(async () => {
    clip = await makeH264Clip()
  })

  async function ffmpegFmp4(extraOutputArgs: readonly string[]): Promise<Uint8Array> {
    const { stdout } = await execFileAsync(
      ffmpegForTests(),
      [
        '-hide_banner', '-nostdin', '-loglevel', 'error',
        '-i', clip,
        '-map', '0:v:0', '-c:v', 'copy',
        ...extraOutputArgs,
        '-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', 'pipe:1'
      ],
      { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }
    )
    return new Uint8Array(stdout)
  }

  it('splits the display pipeline’s output into one init and one keyframe fragment per GOP', async () => {
    const bytes = await ffmpegFmp4([])
    for (const [seed, maxChunk] of [[1, 7], [2, 1000], [3, 65536]] as const) {
      const splitter = new Fmp4Splitter()
      const events = feedInRandomChunks(splitter, bytes, seed, maxChunk)
      const [init, ...fragments] = events
      expect(init).toMatchObject({ kind: 'init', codec: 'avc1.4D401E' })
      expect(fragments).toHaveLength(CLIP_SECONDS) // -g 25 at 25 fps: one GOP per second
      expect(fragments.every((event) => event.kind === 'fragment' && event.keyframe)).toBe(true)
      // Everything but the trailing mfra index is handed out, byte for byte.
      const handedOut = concat(...events.map((event) => event.data))
      expect(sameBytes(handedOut, bytes.subarray(0, handedOut.length))).toBe(true)
      expect(bytes.length - handedOut.length).toBe(splitter.bufferedBytes + trailingMfraSize(bytes, handedOut.length))
    }
  })

  it('tells keyframe fragments from the others when ffmpeg also cuts between keyframes', async () => {
    // -frag_duration 200 ms: five fragments per one-second GOP, only the first of each starts with a keyframe.
    const bytes = await ffmpegFmp4(['-frag_duration', '200000'])
    const events = feedInRandomChunks(new Fmp4Splitter(), bytes, 4, 4096).filter((event) => event.kind === 'fragment')
    const keyframes = events.map((event) => (event.kind === 'fragment' && event.keyframe ? 1 : 0))
    expect(keyframes.filter((flag) => flag === 1)).toHaveLength(CLIP_SECONDS)
    expect(events.length).toBeGreaterThanOrEqual((CLIP_SECONDS * CLIP_FPS) / 10)
    expect(keyframes[0]).toBe(1)
  })
})

function trailingMfraSize(bytes: Uint8Array, offset: number): number {
  if (offset >= bytes.length) return 0
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset)
  expect(String.fromCharCode(...bytes.subarray(offset + 4, offset + 8))).toBe('mfra')
  return view.getUint32(0)
}
