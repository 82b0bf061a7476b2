import type { OcrCountry, OcrRead, SlotProbabilities } from '../../../electron/core/lapi/decode-plate-text'
import { readSlots } from '../../../electron/core/lapi/decode-plate-text'

export const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_'
export const SLOTS = 10

/**
 * Per-slot probabilities as the OCR would give them: slot i is `text[i]` (padding after the text)
 * with probability `confidence`, the rest spread evenly; `alternatives` put a second character in a
 * slot, e.g. { 3: ['J', 0.55] } makes slot 3 read J at 0.55 and its text character at 0.45 − ε.
 */
export function slotProbabilities(text: string, confidence = 0.98, alternatives: Record<number, [string, number]> = {}): SlotProbabilities {
  const values = new Float32Array(SLOTS * ALPHABET.length)
  for (let slot = 0; slot < SLOTS; slot += 1) {
    const char = text[slot] ?? '_'
    const row = slot * ALPHABET.length
    const alternative = alternatives[slot]
    const main = alternative ? Math.min(confidence, 1 - alternative[1] - 0.01) : confidence
    const rest = (1 - main - (alternative ? alternative[1] : 0)) / (ALPHABET.length - (alternative ? 2 : 1))
    values.fill(rest, row, row + ALPHABET.length)
    values[row + ALPHABET.indexOf(char)] = main
    if (alternative) values[row + ALPHABET.indexOf(alternative[0])] = alternative[1]
  }
  return { alphabet: ALPHABET, padChar: '_', slots: SLOTS, values }
}

export function ocrRead(text: string, country: OcrCountry | null, confidence = 0.98, alternatives: Record<number, [string, number]> = {}): OcrRead {
  return readSlots(slotProbabilities(text, confidence, alternatives), country)
}
