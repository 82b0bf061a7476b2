import { describe, expect, it } from 'vitest'
import type { RawOutput } from '../../../electron/core/analytics/detection/detection-types'
import { decodeOcrOutputs } from '../../../electron/core/lapi/decode-plate-text'
import { interpretOcrRead } from '../../../electron/core/lapi/interpret-read'
import { bestFrenchRead, readWithLayout } from '../../../electron/core/lapi/layout-decode'
import { FRENCH_LAYOUTS } from '../../../electron/core/lapi/plate-layouts'
import type { PlateOcrConfig } from '../../../electron/core/lapi/plate-ocr-manifest'
import { ALPHABET, SLOTS, ocrRead, slotProbabilities } from './ocr-helpers'

const FRANCE = { name: 'France', confidence: 0.97 }
const SIV = FRENCH_LAYOUTS.find((layout) => layout.name === 'siv')!

describe('OCR output decoding', () => {
  const config: PlateOcrConfig = {
    max_plate_slots: SLOTS,
    alphabet: ALPHABET,
    pad_char: '_',
    img_height: 64,
    img_width: 128,
    keep_aspect_ratio: false,
    interpolation: 'linear',
    image_color_mode: 'rgb',
    plate_regions: ['Czech Republic', 'France', 'Unknown']
  }

  it('takes the argmax of each slot, drops the padding, and names the country (batch of two)', () => {
    const first = slotProbabilities('5AU5341', 0.9)
    const second = slotProbabilities('AB123CD', 0.8)
    const plate = new Float32Array(2 * SLOTS * ALPHABET.length)
    plate.set(first.values, 0)
    plate.set(second.values, SLOTS * ALPHABET.length)
    const region = new Float32Array([0.95, 0.03, 0.02, 0.1, 0.7, 0.2])
    const outputs: RawOutput[] = [
      { dims: [2, 3], data: region },
      { dims: [2, SLOTS, ALPHABET.length], data: plate }
    ]
    const [czech, french] = decodeOcrOutputs(outputs, 2, config)
    expect(czech.text).toBe('5AU5341')
    expect(czech.country?.name).toBe('Czech Republic')
    expect(czech.country?.confidence).toBeCloseTo(0.95, 6)
    expect(czech.characters.map((c) => c.slot)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(czech.confidence).toBeCloseTo(0.9, 6)
    expect(french.text).toBe('AB123CD')
    expect(french.country?.name).toBe('France')
  })

  it('counts a doubtful padding slot in the confidence (a possible extra character)', () => {
    const read = ocrRead('AB123CD', FRANCE, 0.99, { 7: ['4', 0.3] })
    expect(read.text).toBe('AB123CD')
    expect(read.confidence).toBeLessThan(0.7)
    expect(read.characters.every((c) => c.confidence > 0.98)).toBe(true)
  })

  it('keeps the text order when a pad sits between characters', () => {
    const read = ocrRead('AB_12', null)
    expect(read.text).toBe('AB12')
    expect(read.characters.map((c) => c.slot)).toEqual([0, 1, 3, 4])
  })
})

describe('reading under a French layout', () => {
  it('settles a close call the way the layout allows: a J where a digit must be becomes the 3', () => {
    const probabilities = slotProbabilities('AB123CD', 0.98, { 4: ['J', 0.55] })
    const read = readWithLayout(probabilities, SIV)
    expect(read?.text).toBe('AB123CD')
    expect(read?.characters[4].confidence).toBeCloseTo(0.44, 2)
    expect(read?.confidence).toBeCloseTo(0.44, 2)
  })

  it('never produces an excluded pair: SS on the left gives way to the next best pair', () => {
    const probabilities = slotProbabilities('SS123CD', 0.9, { 1: ['T', 0.08] })
    expect(readWithLayout(probabilities, SIV)?.text).toBe('ST123CD')
  })

  it('finds the FNI layout and the département that explain the slots best', () => {
    const best = bestFrenchRead(slotProbabilities('456ABC69'))
    expect(best?.layout.name).toBe('fni-3d-3l-2')
    expect(best?.text).toBe('456ABC69')
  })

  it('prefers the layout whose length the padding confirms', () => {
    expect(bestFrenchRead(slotProbabilities('AB123CD'))?.layout.name).toBe('siv')
  })
})

describe('format and country of a read', () => {
  it('reads a French SIV plate with hyphens, country France', () => {
    const reading = interpretOcrRead(ocrRead('GZ758AJ', FRANCE))
    expect(reading).toMatchObject({ text: 'GZ758AJ', display: 'GZ-758-AJ', format: 'siv', layout: 'siv', country: 'France', temporary: false })
    expect(reading.confidence).toBeCloseTo(0.98, 2)
    expect(reading.countryConfidence).toBeCloseTo(0.97, 2)
  })

  it('corrects O to 0 and I to 1 where a SIV digit must be', () => {
    const reading = interpretOcrRead(ocrRead('AB1O3CD', FRANCE, 0.98, { 3: ['0', 0.4] }))
    expect(reading.text).toBe('AB103CD')
    expect(reading.format).toBe('siv')
  })

  it('does not invent characters: a read the layout could only fit with improbable slots stays unknown', () => {
    const reading = interpretOcrRead(ocrRead('AB12XCD', FRANCE, 0.99))
    expect(reading.format).toBe('unknown')
    expect(reading.text).toBe('AB12XCD')
  })

  it('reads a temporary WW plate and flags it', () => {
    expect(interpretOcrRead(ocrRead('WW123AB', FRANCE))).toMatchObject({ format: 'siv-temporary', temporary: true, display: 'WW-123-AB' })
  })

  it('reads an FNI plate with spaces', () => {
    expect(interpretOcrRead(ocrRead('1234XY2A', FRANCE))).toMatchObject({ format: 'fni', display: '1234 XY 2A' })
  })

  it('names a foreign plate by the OCR’s country and keeps its text', () => {
    const reading = interpretOcrRead(ocrRead('5AU5341', { name: 'Czech Republic', confidence: 0.99 }))
    expect(reading).toMatchObject({ text: '5AU5341', display: '5AU5341', format: 'foreign', country: 'Czech Republic', layout: 'free-7' })
  })

  it('calls an Italian plate foreign even though AA 123 AA also fits the SIV layout', () => {
    expect(interpretOcrRead(ocrRead('AB123CD', { name: 'Italy', confidence: 0.93 }))).toMatchObject({ format: 'foreign', country: 'Italy' })
  })

  it('keeps a SIV-shaped read French when the country output hesitates', () => {
    expect(interpretOcrRead(ocrRead('AB123CD', { name: 'Italy', confidence: 0.6 }))).toMatchObject({ format: 'siv', country: 'France' })
    expect(interpretOcrRead(ocrRead('AB123CD', { name: 'Unknown', confidence: 0.9 }))).toMatchObject({ format: 'siv', country: 'France' })
  })

  it('calls a read that fits no layout and has no clear country unknown', () => {
    expect(interpretOcrRead(ocrRead('KRW301', { name: 'Unknown', confidence: 0.7 }))).toMatchObject({ format: 'unknown', country: null })
  })
})
