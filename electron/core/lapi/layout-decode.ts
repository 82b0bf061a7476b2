import type { OcrCharacter, SlotProbabilities } from './decode-plate-text'
import { FRENCH_LAYOUTS, groupLength, type PlateLayout } from './plate-layouts'

/** The most probable text a layout allows, given the OCR's per-slot probabilities. */
export interface LayoutRead {
  layout: PlateLayout
  text: string
  characters: OcrCharacter[]
  /** Σ log p over every slot, padding slots included (they must read as padding). */
  logProbability: number
  /** Weakest slot, padding included, as in OcrRead.confidence. */
  confidence: number
}

/** Probabilities are clamped away from 0 so that an impossible slot costs a lot instead of −∞. */
const FLOOR = 1e-9

/**
 * Reads the slots under a layout: the model writes a plate left-aligned, one character per slot, then
 * pads, so slot i holds character i. Each group takes its most probable allowed content (a list of
 * choices is searched in full, which is how excluded pairs and département codes are respected), and
 * the remaining slots count as padding. This is what turns an argmax "AB12JCD" into "AB123CD" when
 * the model gave the 3 a fair chance, and it tells how much the layout had to overrule the model.
 * Null when the layout has more characters than the model has slots.
 */
export function readWithLayout(probabilities: SlotProbabilities, layout: PlateLayout): LayoutRead | null {
  const { alphabet, padChar, slots, values } = probabilities
  if (layout.length > slots) return null
  const indexOf = new Map([...alphabet].map((char, index) => [char, index]))
  const probability = (slot: number, char: string): number => {
    const index = indexOf.get(char)
    return index === undefined ? FLOOR : Math.max(FLOOR, values[slot * alphabet.length + index])
  }
  let text = ''
  let logProbability = 0
  let slot = 0
  for (const group of layout.groups) {
    if (group.kind === 'slots') {
      for (const allowed of group.classes) {
        let best = allowed[0]
        for (const char of allowed) if (probability(slot, char) > probability(slot, best)) best = char
        text += best
        logProbability += Math.log(probability(slot, best))
        slot += 1
      }
    } else {
      let best = ''
      let bestLog = -Infinity
      for (const choice of group.choices) {
        let log = 0
        for (let offset = 0; offset < choice.length; offset += 1) log += Math.log(probability(slot + offset, choice[offset]))
        if (log > bestLog) {
          bestLog = log
          best = choice
        }
      }
      text += best
      logProbability += bestLog
      slot += groupLength(group)
    }
  }
  const characters = [...text].map((char, index) => ({ char, confidence: probability(index, char), slot: index }))
  let confidence = Math.min(...characters.map((character) => character.confidence))
  for (let pad = layout.length; pad < slots; pad += 1) {
    const p = probability(pad, padChar)
    logProbability += Math.log(p)
    confidence = Math.min(confidence, p)
  }
  return { layout, text, characters, logProbability, confidence }
}

/** The French layout that explains the slots best, or null if the model has too few slots for any. */
export function bestFrenchRead(probabilities: SlotProbabilities, layouts: readonly PlateLayout[] = FRENCH_LAYOUTS): LayoutRead | null {
  let best: LayoutRead | null = null
  for (const layout of layouts) {
    const read = readWithLayout(probabilities, layout)
    if (read && (!best || read.logProbability > best.logProbability)) best = read
  }
  return best
}
