import { box, NON_SYNC_SAMPLE, SYNC_SAMPLE, u32, ascii } from '../ingest/test-support'

/**
 * Synthetic recorded segments: fragmented MP4 laid out as the recorder's ffmpeg writes them (ftyp,
 * moov with one H.264 track, then moof+mdat pairs), with just the fields the timeline reader uses.
 */

export interface SyntheticFragment {
  /** tfdt baseMediaDecodeTime, in time-scale units. */
  readonly decodeTime: number
  /** Composition offset of the first sample (B-frames): negative only with `signedOffsets`. */
  readonly compositionOffset: number
  readonly keyframe: boolean
}

export interface SyntheticSegment {
  readonly timescale: number
  readonly fragments: readonly SyntheticFragment[]
  /** trun version 1 (signed offsets) and tfdt version 1 (64-bit times). */
  readonly version1?: boolean
  readonly mdatBytes?: number
}

export function recordedSegment(segment: SyntheticSegment): Uint8Array {
  const mdatBytes = segment.mdatBytes ?? 64
  const avcC = box('avcC', Uint8Array.of(1, 0x4d, 0x40, 0x1e, 0xff, 0xe0, 0))
  const stsd = box('stsd', u32(0, 1), box('avc1', new Uint8Array(78), avcC))
  const hdlr = box('hdlr', u32(0, 0), ascii('vide'), u32(0, 0, 0), Uint8Array.of(0))
  // mdhd version 0: version+flags, creation, modification, timescale, duration, language+pre_defined
  const mdhd = box('mdhd', u32(0, 0, 0, segment.timescale, 0, 0))
  const trak = box('trak', box('tkhd', new Uint8Array(84)), box('mdia', mdhd, hdlr, box('minf', box('stbl', stsd))))
  const trex = box('trex', u32(0, 1, 1, 0, 0, NON_SYNC_SAMPLE))
  const parts: Uint8Array[] = [box('ftyp', ascii('isom'), u32(512), ascii('isomavc1')), box('moov', box('mvhd', new Uint8Array(100)), trak, box('mvex', trex))]
  const version = segment.version1 === true ? 1 : 0
  for (const fragment of segment.fragments) {
    const tfdt =
      version === 1
        ? box('tfdt', u32(0x0100_0000), bigU64(fragment.decodeTime))
        : box('tfdt', u32(0, fragment.decodeTime))
    // trun: data offset, first sample flags, then per sample its size and composition offset.
    const trun = box('trun', u32((version << 24) | 0x000a05, 1, 0, fragment.keyframe ? SYNC_SAMPLE : NON_SYNC_SAMPLE, mdatBytes, fragment.compositionOffset))
    const traf = box('traf', box('tfhd', u32(0x020000, 1)), tfdt, trun)
    parts.push(box('moof', box('mfhd', u32(0, 1)), traf), box('mdat', new Uint8Array(mdatBytes)))
  }
  return Buffer.concat(parts)
}

function bigU64(value: number): Uint8Array {
  const out = new Uint8Array(8)
  new DataView(out.buffer).setBigUint64(0, BigInt(value))
  return out
}

/** One second per fragment at 12 800 units per second, a keyframe every `gop` fragments, B-frames (offset 1024 = 80 ms). */
export function regularSegment(seconds: number, gop = 1): SyntheticSegment {
  return {
    timescale: 12_800,
    fragments: Array.from({ length: seconds }, (_, index) => ({ decodeTime: index * 12_800, compositionOffset: 1024, keyframe: index % gop === 0 }))
  }
}
