import { mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Mp4FormatError } from '../../../electron/core/ingest/mp4-boxes'
import { keyframeAtOrBefore, readSegmentTimeline } from '../../../electron/core/recording/segment-timeline'
import { recordedSegment, regularSegment, type SyntheticSegment } from './recorded-segment'

const dir = mkdtempSync(join(tmpdir(), 'vigie-segment-timeline-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let files = 0
function write(segment: SyntheticSegment | Uint8Array): string {
  const path = join(dir, `segment-${files++}.mp4`)
  writeFileSync(path, segment instanceof Uint8Array ? segment : recordedSegment(segment))
  return path
}

describe('readSegmentTimeline', () => {
  it('finds the keyframes by presentation time, composition offset included', () => {
    const timeline = readSegmentTimeline(write(regularSegment(6, 2)))
    expect(timeline.origin).toBeCloseTo(0.08, 9)
    expect(timeline.keyframes.map((time) => Number(time.toFixed(6)))).toEqual([0.08, 2.08, 4.08])
  })

  it('reads 64-bit decode times and signed composition offsets', () => {
    const timeline = readSegmentTimeline(
      write({
        timescale: 90_000,
        version1: true,
        fragments: [
          { decodeTime: 2 ** 33, compositionOffset: -3000, keyframe: true },
          { decodeTime: 2 ** 33 + 90_000, compositionOffset: -3000, keyframe: true }
        ]
      })
    )
    expect(timeline.origin).toBeCloseTo((2 ** 33 - 3000) / 90_000, 6)
    expect(timeline.keyframes[1] - timeline.keyframes[0]).toBeCloseTo(1, 9)
  })

  it('ignores a last fragment cut short by a crash', () => {
    const path = write(regularSegment(3))
    truncateSync(path, statSync(path).size - 10)
    expect(readSegmentTimeline(path).keyframes).toHaveLength(2)
  })

  it('refuses a file that is not a recorded segment', () => {
    expect(() => readSegmentTimeline(write(Uint8Array.of(0, 0, 0, 8, 0x66, 0x72, 0x65, 0x65)))).toThrow(Mp4FormatError)
    const headersOnly = recordedSegment({ timescale: 1000, fragments: [] })
    expect(() => readSegmentTimeline(write(headersOnly))).toThrow(/no complete fragment/u)
  })
})

describe('keyframeAtOrBefore', () => {
  const timeline = { origin: 0.08, keyframes: [0.08, 2.08, 4.08] }

  it('takes the latest keyframe not after the time', () => {
    expect(keyframeAtOrBefore(timeline, 2.08)).toBe(2.08)
    expect(keyframeAtOrBefore(timeline, 3.5)).toBe(2.08)
    expect(keyframeAtOrBefore(timeline, 100)).toBe(4.08)
  })

  it('takes the first keyframe for a time before them all', () => {
    expect(keyframeAtOrBefore(timeline, 0)).toBe(0.08)
    expect(keyframeAtOrBefore({ origin: 1, keyframes: [] }, 5)).toBe(1)
  })
})
