import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import {
  childBoxes,
  findChild,
  findPath,
  fragmentStartsWithKeyframe,
  Mp4FormatError,
  readBoxHeader,
  readInitSegmentInfo
} from '../ingest/mp4-boxes'

/**
 * Where the keyframes of a recorded segment are, read from its fragment headers alone. Recordings are
 * fragmented MP4 cut at every keyframe (ffmpeg-args.ts, buildRecordingArgs), so each keyframe starts a
 * fragment and only the `moov` and the `moof` boxes need reading: a few hundred bytes per second of
 * video, whatever the bitrate. Reads are synchronous and small, so that a playback knows at once
 * which frame it will start on. A fragment cut short at the end of the file (a crash) is ignored.
 */

export interface SegmentTimeline {
  /** Presentation time, in seconds on the file's own clock, of its first frame: the instant `Segment.startAt` stands for. */
  readonly origin: number
  /** Presentation times (same clock) of the keyframes, ascending; the first is normally `origin`. */
  readonly keyframes: readonly number[]
}

/** Headers are at most 16 bytes; a moov or moof above this is not one of our recordings. */
const HEADER_BYTES = 16
const MAX_HEADER_BOX_BYTES = 4 * 1024 * 1024

export function readSegmentTimeline(path: string): SegmentTimeline {
  const fd = openSync(path, 'r')
  try {
    return scan(fd, fstatSync(fd).size)
  } finally {
    closeSync(fd)
  }
}

interface Track {
  readonly timescale: number
  readonly trexDefaults: ReadonlyMap<number, number>
}

function scan(fd: number, fileSize: number): SegmentTimeline {
  let track: Track | undefined
  let origin: number | undefined
  const keyframes: number[] = []
  let offset = 0
  while (offset + 8 <= fileSize) {
    const header = readBoxHeader(readAt(fd, offset, Math.min(HEADER_BYTES, fileSize - offset)))
    if (header?.size === undefined || offset + header.size > fileSize) break
    const { type, size, headerSize } = header
    if (type === 'moov' || type === 'moof') {
      if (size > MAX_HEADER_BOX_BYTES) throw new Mp4FormatError(`'${type}' box of ${size} bytes`)
      const body = readAt(fd, offset + headerSize, size - headerSize)
      if (type === 'moov') track = readTrack(body)
      else if (track !== undefined) {
        const fragment = readFragment(body, track)
        // A fragment whose media is cut short by the end of the file cannot be played from.
        const mdat = readBoxHeader(readAt(fd, offset + size, Math.min(HEADER_BYTES, Math.max(0, fileSize - offset - size))))
        const complete = mdat?.type === 'mdat' && mdat.size !== undefined && offset + size + mdat.size <= fileSize
        if (fragment !== undefined && complete) {
          origin ??= fragment.time
          if (fragment.keyframe) keyframes.push(fragment.time)
        }
      }
    }
    offset += size
  }
  if (track === undefined) throw new Mp4FormatError('no moov box: not a recorded segment')
  if (origin === undefined) throw new Mp4FormatError('no complete fragment in the segment')
  return { origin, keyframes }
}

function readAt(fd: number, position: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length)
  const read = readSync(fd, bytes, 0, length, position)
  return bytes.subarray(0, read)
}

function readTrack(moovBody: Uint8Array): Track {
  const { defaultSampleFlags } = readInitSegmentInfo(moovBody)
  for (const box of childBoxes(moovBody)) {
    if (box.type !== 'trak') continue
    const hdlr = findPath(box.body, ['mdia', 'hdlr'])
    // hdlr: version+flags(4) pre_defined(4) handler_type(4)
    if (hdlr === undefined || hdlr.length < 12 || fourCC(hdlr, 8) !== 'vide') continue
    const mdhd = findPath(box.body, ['mdia', 'mdhd'])
    if (mdhd === undefined || mdhd.length < 24) break
    // mdhd: version+flags(4), then creation and modification times (4 or 8 bytes each), then timescale(4)
    const timescale = view(mdhd).getUint32(mdhd[0] === 1 ? 20 : 12)
    if (timescale === 0) break
    return { timescale, trexDefaults: defaultSampleFlags }
  }
  throw new Mp4FormatError('no video track with a time scale')
}

const TRUN_DATA_OFFSET = 0x001
const TRUN_FIRST_SAMPLE_FLAGS = 0x004
const TRUN_SAMPLE_DURATION = 0x100
const TRUN_SAMPLE_SIZE = 0x200
const TRUN_SAMPLE_FLAGS = 0x400
const TRUN_SAMPLE_COMPOSITION_OFFSET = 0x800

/** The presentation time of a fragment's first frame, and whether it is a keyframe. */
function readFragment(moofBody: Uint8Array, track: Track): { time: number; keyframe: boolean } | undefined {
  const traf = findChild(moofBody, 'traf')
  const tfdt = traf === undefined ? undefined : findChild(traf, 'tfdt')
  const trun = traf === undefined ? undefined : findChild(traf, 'trun')
  if (tfdt === undefined || tfdt.length < 8 || trun === undefined) return undefined
  // tfdt: version+flags(4) baseMediaDecodeTime (32 bits, or 64 in version 1)
  const decodeTime = tfdt[0] === 1 && tfdt.length >= 12 ? Number(view(tfdt).getBigUint64(4)) : view(tfdt).getUint32(4)
  const time = (decodeTime + firstCompositionOffset(trun)) / track.timescale
  return { time, keyframe: fragmentStartsWithKeyframe(moofBody, track.trexDefaults) ?? true }
}

/** The first sample's composition offset (B-frames put presentation after decoding), 0 when absent. */
function firstCompositionOffset(trun: Uint8Array): number {
  if (trun.length < 8) return 0
  const data = view(trun)
  const flags = data.getUint32(0) & 0xff_ffff
  if (!(flags & TRUN_SAMPLE_COMPOSITION_OFFSET) || data.getUint32(4) === 0) return 0
  let offset = 8
  if (flags & TRUN_DATA_OFFSET) offset += 4
  if (flags & TRUN_FIRST_SAMPLE_FLAGS) offset += 4
  if (flags & TRUN_SAMPLE_DURATION) offset += 4
  if (flags & TRUN_SAMPLE_SIZE) offset += 4
  if (flags & TRUN_SAMPLE_FLAGS) offset += 4
  if (trun.length < offset + 4) return 0
  // Version 1 offsets are signed; version 0 ones are not.
  return trun[0] === 1 ? data.getInt32(offset) : data.getUint32(offset)
}

/** The latest keyframe at or before `time`, or the first keyframe when `time` comes before them all. */
export function keyframeAtOrBefore(timeline: SegmentTimeline, time: number): number {
  let found = timeline.keyframes[0] ?? timeline.origin
  for (const keyframe of timeline.keyframes) {
    if (keyframe > time) break
    found = keyframe
  }
  return found
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function fourCC(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4))
}
