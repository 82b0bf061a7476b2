import type { PlateReading } from './interpret-read'
import { displayPlate, matchFrenchPlate, type PlateFormat } from './plate-formats'
import { FRENCH_LAYOUTS } from './plate-layouts'

/** The plate of one vehicle track, from all its reads so far. */
export interface VotedPlate {
  text: string
  display: string
  format: PlateFormat
  layout: string
  country: string | null
  /** 0–1: how much of the evidence agrees (see PlateVoter), times the weakest position's support. */
  confidence: number
  /** Per position: support of the retained character (see positionSupport). */
  positionConfidences: number[]
  temporary: boolean
  /** Reads accumulated for the track, and how many of them read exactly the voted text. */
  reads: number
  agreeing: number
}

export interface PlateVoterOptions {
  /** Reads kept per track; the least confident are dropped beyond this (default 30). */
  maxReadsPerTrack?: number
}

const DEFAULT_MAX_READS = 30

type TrackId = string | number

const LAYOUTS_BY_NAME = new Map(FRENCH_LAYOUTS.map((layout) => [layout.name, layout]))

/**
 * Accumulates plate reads per vehicle track and votes the best text. A plate is read on many frames
 * of one passage, each read a little differently (blur, angle, a character half hidden); a vote over
 * them is more reliable than the best single frame.
 *
 * 1. Reads are grouped by layout (SIV, each FNI shape, or free text of one length): only reads of the
 *    same layout have comparable positions. The layout with the most total confidence wins.
 * 2. Within it, each position takes the character with the largest sum of per-character confidences.
 * 3. The voted text must still be valid in its format (a vote can assemble "SS" from two reads that
 *    each had one S); if it is not, the most confident single read of the layout is used instead.
 * Confidence = (weight of the winning layout / weight of all reads) × the smallest per-position
 * share, so that both disagreement on the layout and on any one character lower it.
 */
export class PlateVoter {
  private readonly tracks = new Map<TrackId, PlateReading[]>()
  private readonly maxReads: number

  constructor(options: PlateVoterOptions = {}) {
    this.maxReads = options.maxReadsPerTrack ?? DEFAULT_MAX_READS
  }

  /** Adds one read of the track's plate; empty reads carry no evidence and are ignored. */
  add(trackId: TrackId, reading: PlateReading): void {
    if (reading.text.length === 0) return
    const reads = this.tracks.get(trackId) ?? []
    reads.push(reading)
    if (reads.length > this.maxReads) {
      reads.sort((a, b) => b.confidence - a.confidence)
      reads.length = this.maxReads
    }
    this.tracks.set(trackId, reads)
  }

  /** The vote for a track, or null when it has no read. */
  result(trackId: TrackId): VotedPlate | null {
    const reads = this.tracks.get(trackId)
    return reads && reads.length > 0 ? vote(reads) : null
  }

  /** Forgets a track (call when the tracker ends it, after taking its result). */
  forget(trackId: TrackId): void {
    this.tracks.delete(trackId)
  }

  get trackIds(): TrackId[] {
    return [...this.tracks.keys()]
  }
}

const characterConfidence = (reading: PlateReading, position: number): number =>
  Math.max(reading.characters[position]?.confidence ?? reading.confidence, 1e-6)

/** Per position, the character with the largest sum of confidences (all reads have the same length). */
function votePositions(reads: readonly PlateReading[]): string {
  let text = ''
  for (let position = 0; position < reads[0].text.length; position += 1) {
    const tally = new Map<string, number>()
    for (const reading of reads) {
      const char = reading.text[position]
      tally.set(char, (tally.get(char) ?? 0) + characterConfidence(reading, position))
    }
    text += [...tally.entries()].sort((a, b) => b[1] - a[1])[0][0]
  }
  return text
}

/**
 * Support of each character of `text`: its share of the position's total confidence, times the
 * chance that at least one of the reads agreeing on it is right (1 − Π(1 − c)), so that one read
 * keeps its own confidence and several concordant reads raise it. The product treats reads as
 * independent, which consecutive frames are not quite: the figure is a ranking aid, not a probability.
 */
function positionSupport(reads: readonly PlateReading[], text: string): number[] {
  return [...text].map((char, position) => {
    let agreeing = 0
    let total = 0
    let allWrong = 1
    for (const reading of reads) {
      const confidence = characterConfidence(reading, position)
      total += confidence
      if (reading.text[position] === char) {
        agreeing += confidence
        allWrong *= 1 - Math.min(confidence, 1)
      }
    }
    return total > 0 ? (agreeing / total) * (1 - allWrong) : 0
  })
}

/** Weight of a read in the layout choice: its confidence, with a floor so that a 0 still counts as a vote. */
const weightOf = (reading: PlateReading): number => Math.max(reading.confidence, 1e-6)

export function vote(reads: readonly PlateReading[]): VotedPlate {
  const byLayout = new Map<string, PlateReading[]>()
  for (const reading of reads) byLayout.set(reading.layout, [...(byLayout.get(reading.layout) ?? []), reading])
  const total = reads.reduce((sum, reading) => sum + weightOf(reading), 0)
  let winner: PlateReading[] = []
  let winnerWeight = -1
  for (const group of byLayout.values()) {
    const weight = group.reduce((sum, reading) => sum + weightOf(reading), 0)
    if (weight > winnerWeight) {
      winner = group
      winnerWeight = weight
    }
  }

  const sample = winner[0]
  const layout = LAYOUTS_BY_NAME.get(sample.layout)
  let text = votePositions(winner)
  if (layout) {
    const match = matchFrenchPlate(text)
    if (!match || match.layout.name !== layout.name) text = [...winner].sort((a, b) => b.confidence - a.confidence)[0].text
  }
  const positionConfidences = positionSupport(winner, text)

  const countries = new Map<string, number>()
  for (const reading of winner) if (reading.country) countries.set(reading.country, (countries.get(reading.country) ?? 0) + weightOf(reading))
  const country = [...countries.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
  const weakest = positionConfidences.length > 0 ? Math.min(...positionConfidences) : 0

  return {
    text,
    display: layout ? displayPlate(text, layout) : text,
    format: sample.format,
    layout: sample.layout,
    country,
    confidence: (winnerWeight / total) * weakest,
    positionConfidences,
    temporary: sample.temporary,
    reads: reads.length,
    agreeing: reads.filter((reading) => reading.text === text).length
  }
}
