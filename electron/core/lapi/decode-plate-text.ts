import type { RawOutput } from '../analytics/detection/detection-types'
import { argmax, findOutputByShape } from '../analytics/detection/decoder-input'
import type { PlateOcrConfig } from './plate-ocr-manifest'

/** Per-slot probabilities of one plate: `slots` rows of `alphabet.length` values, row-major. */
export interface SlotProbabilities {
  alphabet: string
  padChar: string
  slots: number
  values: Float32Array
}

export interface OcrCharacter {
  char: string
  /** Probability the model gave this character in its slot. */
  confidence: number
  /** Slot (0-based) it came from: with a pad in the middle, slots and text positions differ. */
  slot: number
}

export interface OcrCountry {
  name: string
  confidence: number
}

/** What the OCR alone says about one plate image, before any format rule. */
export interface OcrRead {
  /** Most probable character of each slot, padding dropped. */
  text: string
  characters: OcrCharacter[]
  /** Weakest slot, padding slots included: a doubtful pad is a doubtful extra character. */
  confidence: number
  country: OcrCountry | null
  probabilities: SlotProbabilities
}

/**
 * fast-plate-ocr outputs [N, slots, alphabet] (softmax already applied) and, for the v2 models,
 * [N, regions] country probabilities in the YAML's plate_regions order. Outputs are found by shape.
 */
export function decodeOcrOutputs(outputs: readonly RawOutput[], batchSize: number, config: PlateOcrConfig): OcrRead[] {
  const slots = config.max_plate_slots
  const alphabetSize = config.alphabet.length
  const characters = findOutputByShape(outputs, [batchSize, slots, alphabetSize], 'plate characters').data
  const regions = config.plate_regions
  const regionData = regions ? findOutputByShape(outputs, [batchSize, regions.length], 'plate region').data : null
  const reads: OcrRead[] = []
  for (let item = 0; item < batchSize; item += 1) {
    const values = characters.slice(item * slots * alphabetSize, (item + 1) * slots * alphabetSize)
    let country: OcrCountry | null = null
    if (regions && regionData) {
      const best = argmax(regionData, item * regions.length, regions.length)
      country = { name: regions[best.index], confidence: best.value }
    }
    reads.push(readSlots({ alphabet: config.alphabet, padChar: config.pad_char, slots, values }, country))
  }
  return reads
}

/** Argmax per slot; padding slots are dropped from the text but count in the confidence. */
export function readSlots(probabilities: SlotProbabilities, country: OcrCountry | null): OcrRead {
  const { alphabet, padChar, slots, values } = probabilities
  const characters: OcrCharacter[] = []
  let confidence = 1
  for (let slot = 0; slot < slots; slot += 1) {
    const best = argmax(values, slot * alphabet.length, alphabet.length)
    confidence = Math.min(confidence, best.value)
    const char = alphabet[best.index]
    if (char !== padChar) characters.push({ char, confidence: best.value, slot })
  }
  return { text: characters.map((c) => c.char).join(''), characters, confidence, country, probabilities }
}
