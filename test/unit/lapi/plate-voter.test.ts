import { describe, expect, it } from 'vitest'
import { interpretOcrRead, type PlateReading } from '../../../electron/core/lapi/interpret-read'
import { PlateVoter, vote } from '../../../electron/core/lapi/plate-voter'
import { ocrRead } from './ocr-helpers'

const FRANCE = { name: 'France', confidence: 0.95 }
const french = (text: string, confidence = 0.9, alternatives: Record<number, [string, number]> = {}): PlateReading =>
  interpretOcrRead(ocrRead(text, FRANCE, confidence, alternatives))

/** A read whose characters have the given confidences (one per character), as the OCR reports them. */
function withConfidences(reading: PlateReading, confidences: number[]): PlateReading {
  const characters = reading.characters.map((character, index) => ({ ...character, confidence: confidences[index] ?? character.confidence }))
  return { ...reading, characters, confidence: Math.min(...characters.map((c) => c.confidence)) }
}

describe('plate vote over a track', () => {
  it('returns null for an unknown track and ignores empty reads', () => {
    const voter = new PlateVoter()
    expect(voter.result('nope')).toBeNull()
    voter.add('t', { ...french('AB123CD'), text: '', characters: [] })
    expect(voter.result('t')).toBeNull()
  })

  it('keeps a single read’s text and confidence', () => {
    const voter = new PlateVoter()
    voter.add(1, french('GZ758AJ', 0.8))
    const result = voter.result(1)
    expect(result).toMatchObject({ text: 'GZ758AJ', display: 'GZ-758-AJ', format: 'siv', country: 'France', reads: 1, agreeing: 1 })
    expect(result?.confidence).toBeCloseTo(0.8, 2)
  })

  it('votes each position: three reads with a different error each give the right plate none of them had', () => {
    const reads = [
      withConfidences(french('AB128CD'), [0.99, 0.99, 0.99, 0.99, 0.5, 0.99, 0.99]),
      withConfidences(french('AB123CP'), [0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.6]),
      withConfidences(french('AH123CD'), [0.99, 0.55, 0.99, 0.99, 0.99, 0.99, 0.99])
    ]
    const result = vote(reads)
    expect(result.text).toBe('AB123CD')
    expect(result.agreeing).toBe(0)
    expect(result.positionConfidences[0]).toBeGreaterThan(0.99)
    // Position 4: 1.98 for "3" against 0.5 for "8".
    expect(result.positionConfidences[4]).toBeCloseTo((1.98 / 2.48) * (1 - 0.01 * 0.01), 3)
  })

  it('weighs characters by confidence, not by count', () => {
    const reads = [
      withConfidences(french('AB123CD'), [0.99, 0.99, 0.99, 0.99, 0.95, 0.99, 0.99]),
      withConfidences(french('AB128CD'), [0.99, 0.99, 0.99, 0.99, 0.3, 0.99, 0.99]),
      withConfidences(french('AB128CD'), [0.99, 0.99, 0.99, 0.99, 0.3, 0.99, 0.99])
    ]
    expect(vote(reads).text).toBe('AB123CD')
  })

  it('votes only among reads of the winning layout, and lowers the confidence by the share of the others', () => {
    const reads = [french('AB123CD', 0.9), french('AB123CD', 0.9), french('123AB75', 0.9)]
    const result = vote(reads)
    expect(result.layout).toBe('siv')
    expect(result.text).toBe('AB123CD')
    expect(result.confidence).toBeLessThan(0.7)
    expect(result.confidence).toBeGreaterThan(0.6)
  })

  it('respects the format: a vote that assembles an excluded SS falls back to the most confident read', () => {
    // Position 0 votes S (0.9 against 0.5), position 1 votes S (0.9 against 0.5): "SS" is never issued.
    const reads = [
      withConfidences(french('SB123CD'), [0.9, 0.5, 0.9, 0.9, 0.9, 0.9, 0.9]),
      withConfidences(french('AS123CD'), [0.5, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9])
    ]
    const result = vote(reads)
    expect(['SB123CD', 'AS123CD']).toContain(result.text)
    expect(result.format).toBe('siv')
  })

  it('raises the confidence as concordant reads accumulate', () => {
    const voter = new PlateVoter()
    voter.add('v', french('AB123CD', 0.6))
    const once = voter.result('v')?.confidence ?? 0
    for (let i = 0; i < 4; i += 1) voter.add('v', french('AB123CD', 0.6))
    const fiveTimes = voter.result('v')?.confidence ?? 0
    expect(once).toBeCloseTo(0.6, 2)
    expect(fiveTimes).toBeGreaterThan(0.95)
  })

  it('votes foreign plates too, with their country', () => {
    const czech = (text: string): PlateReading => interpretOcrRead(ocrRead(text, { name: 'Czech Republic', confidence: 0.99 }, 0.9))
    const result = vote([czech('5AU5341'), czech('5AU5347'), czech('5AU5341')])
    expect(result).toMatchObject({ text: '5AU5341', format: 'foreign', country: 'Czech Republic', agreeing: 2, reads: 3 })
  })

  it('keeps the most confident reads of a long track and forgets a track on request', () => {
    const voter = new PlateVoter({ maxReadsPerTrack: 3 })
    for (let i = 0; i < 5; i += 1) voter.add('long', french('AB123CD', 0.9))
    voter.add('long', french('XY999ZZ', 0.2))
    expect(voter.result('long')?.reads).toBe(3)
    expect(voter.result('long')?.text).toBe('AB123CD')
    expect(voter.trackIds).toEqual(['long'])
    voter.forget('long')
    expect(voter.result('long')).toBeNull()
    expect(voter.trackIds).toEqual([])
  })
})
