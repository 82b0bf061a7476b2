/**
 * Just enough ISO BMFF (MP4) reading for live fragmented MP4: box headers, the codec string of the
 * video track (for MSE's `addSourceBuffer`), and whether a fragment starts with a keyframe.
 * Field layouts are those of ISO/IEC 14496-12 (boxes) and 14496-15 (avcC).
 */

export interface BoxHeader {
  readonly type: string
  /** Header length: 8, or 16 when a 64-bit "largesize" follows the type. */
  readonly headerSize: number
  /** Whole box length including the header; undefined for size 0 ("extends to the end of the file"). */
  readonly size: number | undefined
}

export class Mp4FormatError extends Error {
  override readonly name = 'Mp4FormatError'
}

/** Reads a box header at `offset`; returns undefined when `bytes` does not yet hold the whole header. */
export function readBoxHeader(bytes: Uint8Array, offset = 0): BoxHeader | undefined {
  if (bytes.length - offset < 8) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset)
  const size32 = view.getUint32(0)
  const type = fourCC(bytes, offset + 4)
  if (size32 === 0) return { type, headerSize: 8, size: undefined }
  if (size32 !== 1) {
    if (size32 < 8) throw new Mp4FormatError(`box '${type}' declares an impossible size of ${size32} bytes`)
    return { type, headerSize: 8, size: size32 }
  }
  if (bytes.length - offset < 16) return undefined
  const size64 = view.getBigUint64(8)
  if (size64 < 16n) throw new Mp4FormatError(`box '${type}' declares an impossible size of ${size64} bytes`)
  // Beyond 2^53 the number would be inexact; any caller's size limit is far below anyway.
  return { type, headerSize: 16, size: size64 > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(size64) }
}

export interface Box {
  readonly type: string
  /** The box's content, header excluded (a view, not a copy). */
  readonly body: Uint8Array
}

/** The boxes laid end to end in `bytes`; stops at the first one that does not fit. */
export function* childBoxes(bytes: Uint8Array): Generator<Box> {
  let offset = 0
  while (offset < bytes.length) {
    const header = readBoxHeader(bytes, offset)
    if (header === undefined) return
    const end = header.size === undefined ? bytes.length : offset + header.size
    if (end > bytes.length) return
    yield { type: header.type, body: bytes.subarray(offset + header.headerSize, end) }
    offset = end
  }
}

export function findChild(bytes: Uint8Array, type: string): Uint8Array | undefined {
  for (const box of childBoxes(bytes)) if (box.type === type) return box.body
  return undefined
}

/** Follows a path of box types, e.g. `['trak', 'mdia', 'hdlr']`, taking the first match at each level. */
export function findPath(bytes: Uint8Array, path: readonly string[]): Uint8Array | undefined {
  let current: Uint8Array | undefined = bytes
  for (const type of path) {
    if (current === undefined) return undefined
    current = findChild(current, type)
  }
  return current
}

/** Facts read from the `moov` box of an init segment. */
export interface InitSegmentInfo {
  /** RFC 6381 codec string for MSE: `avc1.4D401E`, or the sample entry type (`hvc1`, `mp4v`…) for other codecs. */
  readonly codec: string
  /** `trex` default sample flags by track id, needed to tell keyframes in fragments that omit them. */
  readonly defaultSampleFlags: ReadonlyMap<number, number>
}

export function readInitSegmentInfo(moovBody: Uint8Array): InitSegmentInfo {
  const videoTrack = [...childBoxes(moovBody)].find(
    (box) => box.type === 'trak' && handlerType(box.body) === 'vide'
  )
  const codec = videoTrack === undefined ? undefined : videoCodecString(videoTrack.body)
  if (codec === undefined) throw new Mp4FormatError('the init segment has no video track')

  const defaultSampleFlags = new Map<number, number>()
  const mvex = findChild(moovBody, 'mvex')
  for (const box of mvex === undefined ? [] : childBoxes(mvex)) {
    // trex: version+flags(4) track_ID(4) description_index(4) duration(4) size(4) flags(4)
    if (box.type === 'trex' && box.body.length >= 24) {
      const view = dataView(box.body)
      defaultSampleFlags.set(view.getUint32(4), view.getUint32(20))
    }
  }
  return { codec, defaultSampleFlags }
}

function handlerType(trakBody: Uint8Array): string | undefined {
  const hdlr = findPath(trakBody, ['mdia', 'hdlr'])
  // hdlr: version+flags(4) pre_defined(4) handler_type(4)
  return hdlr !== undefined && hdlr.length >= 12 ? fourCC(hdlr, 8) : undefined
}

/** Size of a VisualSampleEntry's fixed fields, after which its child boxes (avcC…) start. */
const VISUAL_SAMPLE_ENTRY_FIELDS = 78

function videoCodecString(trakBody: Uint8Array): string | undefined {
  const stsd = findPath(trakBody, ['mdia', 'minf', 'stbl', 'stsd'])
  if (stsd === undefined || stsd.length < 8) return undefined
  // stsd: version+flags(4) entry_count(4), then the sample entries
  const entry = childBoxes(stsd.subarray(8)).next()
  if (entry.done === true) return undefined
  const { type, body } = entry.value
  if (type !== 'avc1' && type !== 'avc3') return type
  const avcC = findChild(body.subarray(VISUAL_SAMPLE_ENTRY_FIELDS), 'avcC')
  // avcC: configurationVersion(1) AVCProfileIndication(1) profile_compatibility(1) AVCLevelIndication(1)
  if (avcC === undefined || avcC.length < 4) return type
  return `${type}.${hex(avcC, 1, 3)}`
}

/** ISO BMFF sample flags: bit 16 is sample_is_non_sync_sample. */
const SAMPLE_IS_NON_SYNC = 0x0001_0000

const TFHD_BASE_DATA_OFFSET = 0x01
const TFHD_SAMPLE_DESCRIPTION_INDEX = 0x02
const TFHD_DEFAULT_SAMPLE_DURATION = 0x08
const TFHD_DEFAULT_SAMPLE_SIZE = 0x10
const TFHD_DEFAULT_SAMPLE_FLAGS = 0x20

const TRUN_DATA_OFFSET = 0x001
const TRUN_FIRST_SAMPLE_FLAGS = 0x004
const TRUN_SAMPLE_DURATION = 0x100
const TRUN_SAMPLE_SIZE = 0x200
const TRUN_SAMPLE_FLAGS = 0x400

/**
 * Whether the first sample of the fragment is a sync sample (keyframe). The flags are looked up where
 * the spec allows them to be, most specific first: trun's first_sample_flags, the first sample's own
 * flags in trun, tfhd's default, then trex's default from the init segment. Undefined when none is present.
 */
export function fragmentStartsWithKeyframe(
  moofBody: Uint8Array,
  trexDefaults: ReadonlyMap<number, number>
): boolean | undefined {
  const traf = findChild(moofBody, 'traf')
  if (traf === undefined) return undefined
  const tfhd = findChild(traf, 'tfhd')
  const trun = findChild(traf, 'trun')
  const fromTrun = trun === undefined ? undefined : firstSampleFlagsInTrun(trun)
  const tfhdFacts = tfhd === undefined ? undefined : readTfhd(tfhd)
  const flags =
    fromTrun ??
    tfhdFacts?.defaultSampleFlags ??
    (tfhdFacts === undefined ? undefined : trexDefaults.get(tfhdFacts.trackId))
  return flags === undefined ? undefined : (flags & SAMPLE_IS_NON_SYNC) === 0
}

function firstSampleFlagsInTrun(trun: Uint8Array): number | undefined {
  if (trun.length < 8) return undefined
  const view = dataView(trun)
  const flags = view.getUint32(0) & 0xff_ffff
  const sampleCount = view.getUint32(4)
  let offset = 8
  if (flags & TRUN_DATA_OFFSET) offset += 4
  if (flags & TRUN_FIRST_SAMPLE_FLAGS) return trun.length >= offset + 4 ? view.getUint32(offset) : undefined
  if (!(flags & TRUN_SAMPLE_FLAGS) || sampleCount === 0) return undefined
  if (flags & TRUN_SAMPLE_DURATION) offset += 4
  if (flags & TRUN_SAMPLE_SIZE) offset += 4
  return trun.length >= offset + 4 ? view.getUint32(offset) : undefined
}

function readTfhd(tfhd: Uint8Array): { trackId: number; defaultSampleFlags: number | undefined } | undefined {
  if (tfhd.length < 8) return undefined
  const view = dataView(tfhd)
  const flags = view.getUint32(0) & 0xff_ffff
  const trackId = view.getUint32(4)
  let offset = 8
  if (flags & TFHD_BASE_DATA_OFFSET) offset += 8
  if (flags & TFHD_SAMPLE_DESCRIPTION_INDEX) offset += 4
  if (flags & TFHD_DEFAULT_SAMPLE_DURATION) offset += 4
  if (flags & TFHD_DEFAULT_SAMPLE_SIZE) offset += 4
  const hasDefault = (flags & TFHD_DEFAULT_SAMPLE_FLAGS) !== 0 && tfhd.length >= offset + 4
  return { trackId, defaultSampleFlags: hasDefault ? view.getUint32(offset) : undefined }
}

function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function fourCC(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4))
}

function hex(bytes: Uint8Array, offset: number, length: number): string {
  const digits = [...bytes.subarray(offset, offset + length)].map((byte) => byte.toString(16).padStart(2, '0'))
  return digits.join('').toUpperCase()
}
