import { FRENCH_LAYOUTS, SIV_LETTERS, fitsLayout, splitGroups, type FrenchFormat, type PlateLayout } from './plate-layouts'

/** Every format a read can end up with; "foreign" plates are named by the OCR's country output only. */
export type PlateFormat = FrenchFormat | 'foreign' | 'unknown'

export interface FrenchPlateMatch {
  format: FrenchFormat
  layout: PlateLayout
  /** Normalised: uppercase letters and digits only, as stored and compared. */
  text: string
  /** As printed on the plate: "AB-123-CD", "123 ABC 45". */
  display: string
  /** SIV plates starting with WW are temporary registrations. */
  temporary: boolean
  /** FNI plates only: the département code that ends the number. */
  department?: string
}

/**
 * Uppercase, accents removed, everything but letters and digits dropped: "ab-123 cd" → "AB123CD",
 * "123 abc 2a" → "123ABC2A". Hyphens, spaces and dots are how people and plates separate groups,
 * never part of the number (the OCR's alphabet has none).
 */
export function normalisePlateText(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/gu, '')
}

/** The plate as printed, groups joined by the layout's separator. */
export function displayPlate(text: string, layout: PlateLayout): string {
  return splitGroups(text, layout).join(layout.separator)
}

/** The French format `raw` is written in (after normalisation), or null if it is none of them. */
export function matchFrenchPlate(raw: string): FrenchPlateMatch | null {
  const text = normalisePlateText(raw)
  const layout = FRENCH_LAYOUTS.find((candidate) => fitsLayout(text, candidate))
  if (!layout) return null
  const groups = splitGroups(text, layout)
  return {
    format: layout.format,
    layout,
    text,
    display: groups.join(layout.separator),
    temporary: layout.format === 'siv-temporary',
    ...(layout.format === 'fni' ? { department: groups[groups.length - 1] } : {})
  }
}

export const isValidSiv = (raw: string): boolean => {
  const match = matchFrenchPlate(raw)
  return match !== null && (match.format === 'siv' || match.format === 'siv-temporary')
}

export const isValidFni = (raw: string): boolean => matchFrenchPlate(raw)?.format === 'fni'

/**
 * Why a text shaped like a SIV number (2 letters, 3 digits, 2 letters) is not one; empty when it is
 * valid or not SIV-shaped at all. For messages and tests, not for decisions (use matchFrenchPlate).
 */
export function sivProblems(raw: string): string[] {
  const text = normalisePlateText(raw)
  if (!/^[A-Z]{2}[0-9]{3}[A-Z]{2}$/u.test(text)) return []
  const problems: string[] = []
  const excludedLetters = [...new Set([...text].filter((char) => /[A-Z]/u.test(char) && !SIV_LETTERS.includes(char)))]
  if (excludedLetters.length > 0) problems.push(`letters ${excludedLetters.join(', ')} are not used in SIV numbers`)
  if (text.startsWith('SS')) problems.push('SS is not issued as the first pair')
  if (text.endsWith('SS')) problems.push('SS is not issued as the last pair')
  if (text.slice(2, 5) === '000') problems.push('the number 000 is not issued')
  return problems
}
