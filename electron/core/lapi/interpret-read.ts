import type { OcrCharacter, OcrRead } from './decode-plate-text'
import { bestFrenchRead } from './layout-decode'
import { displayPlate, type PlateFormat } from './plate-formats'

/** One plate read and judged: what the pipeline and the voter hand on. */
export interface PlateReading {
  /** Normalised text (letters and digits only). */
  text: string
  /** As printed: "AB-123-CD", "123 ABC 45"; the text itself for foreign and unknown plates. */
  display: string
  format: PlateFormat
  /** Name of the layout the text fits ("siv", "fni-3d-2l-2"…), or "free-<length>" for other plates. */
  layout: string
  /** "France" for French formats; the OCR's country for foreign plates; null when nothing is known. */
  country: string | null
  /** The OCR's probability for that country (1 is not claimed for France inferred from the format). */
  countryConfidence: number
  /** Weakest character or padding slot of the text retained (0–1). */
  confidence: number
  characters: OcrCharacter[]
  /** SIV WW plates. */
  temporary: boolean
}

export interface InterpretOptions {
  /** A country other than France (and "Unknown") at or above this probability makes the plate foreign. */
  foreignCountryThreshold?: number
  /**
   * The same, when the OCR's own text already fits a French layout exactly. Higher, because such a
   * text is strong evidence of a French plate (SIV letters exclude I, O, U; FNI ends in a département),
   * and the country head hesitates on real French plates more than the text head does. Italian plates
   * share the AA 123 AA shape, so a confident foreign country still wins.
   */
  foreignCountryThresholdForFrenchText?: number
  /**
   * When the OCR's own best text fits no French layout, the best French reading is still retained if
   * every one of its slots has at least this probability: the layout then only settles a close call
   * (a 0 read as O, a 1 as I). Below it, the layout would be inventing characters.
   */
  minLayoutConfidence?: number
}

const DEFAULT_FOREIGN_COUNTRY_THRESHOLD = 0.5
const DEFAULT_FOREIGN_COUNTRY_THRESHOLD_FOR_FRENCH_TEXT = 0.8
const DEFAULT_MIN_LAYOUT_CONFIDENCE = 0.1

/**
 * Decides format, text and country of one OCR read. French layouts first (unless the country output
 * clearly says another country), because they constrain the read: SIV letters exclude I, O, U, which
 * removes the classic 0/O and 1/I confusions. Everything else keeps the OCR's own text.
 */
export function interpretOcrRead(read: OcrRead, options: InterpretOptions = {}): PlateReading {
  const minLayoutConfidence = options.minLayoutConfidence ?? DEFAULT_MIN_LAYOUT_CONFIDENCE
  const country = read.country
  const french = bestFrenchRead(read.probabilities)
  const textIsFrench = french !== null && french.text === read.text
  const foreignThreshold = textIsFrench
    ? (options.foreignCountryThresholdForFrenchText ?? DEFAULT_FOREIGN_COUNTRY_THRESHOLD_FOR_FRENCH_TEXT)
    : (options.foreignCountryThreshold ?? DEFAULT_FOREIGN_COUNTRY_THRESHOLD)
  const foreign = country !== null && country.name !== 'France' && country.name !== 'Unknown' && country.confidence >= foreignThreshold

  if (!foreign && french && (textIsFrench || french.confidence >= minLayoutConfidence)) {
    return {
      text: french.text,
      display: displayPlate(french.text, french.layout),
      format: french.layout.format,
      layout: french.layout.name,
      country: 'France',
      countryConfidence: country?.name === 'France' ? country.confidence : 0,
      confidence: french.confidence,
      characters: french.characters,
      temporary: french.layout.format === 'siv-temporary'
    }
  }
  return {
    text: read.text,
    display: read.text,
    format: foreign ? 'foreign' : 'unknown',
    layout: `free-${read.text.length}`,
    country: country && country.name !== 'Unknown' ? country.name : null,
    countryConfidence: country?.confidence ?? 0,
    confidence: read.confidence,
    characters: read.characters,
    temporary: false
  }
}
