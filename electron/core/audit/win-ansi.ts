/**
 * pdfkit's built-in fonts (Helvetica…) encode text in WinAnsi: Latin-1 plus a few characters French
 * needs (œ, Œ, ’, « guillemets » are Latin-1 already, — and … are extras). Anything else would come
 * out as a wrong glyph, so it is replaced here, visibly.
 */
const WIN_ANSI_EXTRAS = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122
])

/** Spaces that WinAnsi lacks: Intl puts narrow no-break ones in French numbers and times. */
const NO_BREAK_SPACES = /[\u2007\u202f]/g
const BREAKING_SPACES = /[\t\u2000-\u2006\u2008-\u200a\u205f]/g

export const WIN_ANSI_REPLACEMENT = '?'

function printable(codePoint: number): boolean {
  return (
    codePoint === 0x0a ||
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    WIN_ANSI_EXTRAS.has(codePoint)
  )
}

/** The text as the built-in PDF fonts can draw it. */
export function toWinAnsi(text: string): string {
  let result = ''
  const spaced = text.replace(/\r\n?/g, '\n').replace(NO_BREAK_SPACES, '\u00a0').replace(BREAKING_SPACES, ' ')
  for (const character of spaced) {
    result += printable(character.codePointAt(0) ?? 0) ? character : WIN_ANSI_REPLACEMENT
  }
  return result
}
