import { describe, expect, it } from 'vitest'
import {
  displayPlate,
  isValidFni,
  isValidSiv,
  matchFrenchPlate,
  normalisePlateText,
  sivProblems
} from '../../../electron/core/lapi/plate-formats'
import { FNI_DEPARTMENTS, FRENCH_LAYOUTS, SIV_LETTERS, fitsLayout } from '../../../electron/core/lapi/plate-layouts'

describe('normalisation', () => {
  it.each([
    ['ab-123-cd', 'AB123CD'],
    ['AB 123 CD', 'AB123CD'],
    [' ab.123.cd ', 'AB123CD'],
    ['123 abc 2a', '123ABC2A'],
    ['éa-123-çd', 'EA123CD'],
    ['AB–123—CD', 'AB123CD'],
    ['', '']
  ])('%s → %s', (raw, normalised) => {
    expect(normalisePlateText(raw)).toBe(normalised)
  })
})

describe('SIV numbers (AB-123-CD)', () => {
  it.each([
    'AA-001-AA',
    'AB-123-CD',
    'ZZ-999-ZZ',
    'FX-155-ED',
    'GZ-758-AJ',
    'HH-593-QY',
    'BS-500-SB', // S alone is fine
    'SA-123-AS',
    'AB-123-WW', // WW is reserved on the left only
    'WA-100-AW',
    'ab-123-cd', // case and separators do not matter
    'AB123CD',
    'AB 123 CD'
  ])('accepts %s', (plate) => {
    expect(isValidSiv(plate)).toBe(true)
    expect(matchFrenchPlate(plate)?.format).toBe('siv')
  })

  it.each([
    ['AI-123-CD', /letters I/],
    ['AB-123-CO', /letters O/],
    ['UB-123-CD', /letters U/],
    ['AB-123-IU', /letters I, U/],
    ['SS-123-AB', /SS is not issued as the first pair/],
    ['AB-123-SS', /SS is not issued as the last pair/],
    ['AB-000-CD', /000/]
  ])('rejects %s and says why', (plate, reason) => {
    expect(isValidSiv(plate)).toBe(false)
    expect(sivProblems(plate).join('; ')).toMatch(reason)
  })

  it.each(['AB-12-CD', 'AB-1234-CD', 'A-123-CD', 'ABC-123-DE', '12-ABC-34', 'AB-12C-DE', 'AB123C', ''])('rejects the malformed %s', (plate) => {
    expect(isValidSiv(plate)).toBe(false)
  })

  it('flags WW plates as temporary registrations', () => {
    const match = matchFrenchPlate('WW-123-AB')
    expect(match).toMatchObject({ format: 'siv-temporary', temporary: true, display: 'WW-123-AB', text: 'WW123AB' })
    expect(isValidSiv('WW-123-AB')).toBe(true)
    expect(matchFrenchPlate('WW-123-SS')).toBeNull()
    expect(matchFrenchPlate('WW-000-AB')).toBeNull()
  })

  it('prints SIV numbers with hyphens', () => {
    expect(matchFrenchPlate('ab123cd')?.display).toBe('AB-123-CD')
  })

  it('counts (23² − 2) × 999 × (23² − 1) = 277 977 744 numbers, the published "près de 278 millions"', () => {
    expect(SIV_LETTERS).toHaveLength(23)
    const siv = FRENCH_LAYOUTS.find((layout) => layout.name === 'siv')
    const sizes = siv?.groups.map((group) => (group.kind === 'choices' ? group.choices.length : 0))
    expect(sizes).toEqual([527, 999, 528])
    expect(sizes?.reduce((product, size) => product * size, 1)).toBe(277_977_744)
  })
})

describe('FNI numbers (123 ABC 45)', () => {
  it.each([
    ['1 A 33', '1 A 33', '33'],
    ['123 AB 75', '123 AB 75', '75'],
    ['9999 ZZ 75', '9999 ZZ 75', '75'],
    ['456 ABC 69', '456 ABC 69', '69'],
    ['12 AAA 01', '12 AAA 01', '01'],
    ['1234 XY 2A', '1234 XY 2A', '2A'],
    ['88 KL 2B', '88 KL 2B', '2B'],
    ['321 AB 971', '321 AB 971', '971'],
    ['77 QQ 976', '77 QQ 976', '976'],
    ['5 W 95', '5 W 95', '95'],
    ['123-AB-01', '123 AB 01', '01'],
    ['123ab45', '123 AB 45', '45']
  ])('accepts %s (printed %s, département %s)', (plate, display, department) => {
    expect(isValidFni(plate)).toBe(true)
    expect(matchFrenchPlate(plate)).toMatchObject({ format: 'fni', display, department, temporary: false })
  })

  it.each([
    ['123 AB 00', 'no département 00'],
    ['123 AB 20', 'Corsica has been 2A/2B since 1976'],
    ['123 AB 96', 'no metropolitan département above 95'],
    ['123 AB 99', 'no département 99'],
    ['123 AB 977', 'overseas codes stop at 976'],
    ['123 AB 2C', 'Corsica is 2A or 2B'],
    ['0123 AB 75', 'numbers have no leading zero'],
    ['12345 AB 75', 'at most four digits'],
    ['123 ABCD 75', 'at most three letters'],
    ['1234 ABC 75', 'four digits come with at most two letters'],
    ['AB 75', 'a number is required'],
    ['123 75', 'letters are required'],
    ['123 AB', 'the département is required'],
    ['123 AB 7', 'a département has two or three characters']
  ])('rejects %s (%s)', (plate) => {
    expect(isValidFni(plate)).toBe(false)
  })

  it('knows 94 metropolitan départements, Corsica’s two and six overseas', () => {
    expect(FNI_DEPARTMENTS).toHaveLength(94 + 2 + 6)
    expect(FNI_DEPARTMENTS).not.toContain('20')
    expect(FNI_DEPARTMENTS).toContain('2A')
  })
})

describe('layouts', () => {
  it('never lets one text fit two layouts, so a read has a single format', () => {
    const samples = ['AB123CD', 'WW123CD', '1A33', '123AB75', '9999ZZ75', '12AAA01', '321AB971', '1234XY2A']
    for (const text of samples) expect(FRENCH_LAYOUTS.filter((layout) => fitsLayout(text, layout))).toHaveLength(1)
  })

  it('prints each layout with its own separator', () => {
    const fni = FRENCH_LAYOUTS.find((layout) => layout.name === 'fni-3d-3l-2')
    expect(fni && displayPlate('456ABC69', fni)).toBe('456 ABC 69')
  })

  it('returns null for foreign or unreadable texts', () => {
    expect(matchFrenchPlate('5AU5341')).toBeNull()
    expect(matchFrenchPlate('KRW301')).toBeNull()
    expect(matchFrenchPlate('B MW 1234')).toBeNull()
  })
})
