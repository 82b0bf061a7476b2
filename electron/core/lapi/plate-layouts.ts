/**
 * French plate numbering rules, as data: each layout is a sequence of groups of characters, and each
 * group lists what it may hold. The same tables serve the string validator (plate-formats.ts) and the
 * OCR decoder that reads a plate under a layout (layout-decode.ts), so the two cannot disagree.
 *
 * SIV (Système d'immatriculation des véhicules, since 15 April 2009), "AB-123-CD":
 * - 2 letters, 3 digits, 2 letters, issued in one national series from AA-001-AA to ZZ-999-ZZ
 *   (service-public.fr F17638; France Titres/ANTS). Hence the number 000 is never issued.
 * - Letters I, O and U are not used (confusion with 1, 0 and V) (service-public.fr F17638).
 * - "SS" is not issued, by reference to the Code pénal's ban on exhibiting emblems of organisations
 *   responsible for crimes against humanity (ANTS/France Titres, quoted by service-public.fr). The
 *   statement names no block, so it is applied to the first and to the last pair.
 * - "WW" as the first pair is reserved for temporary registrations ("WW provisoire", certificat W
 *   garage/WW); a WW plate is valid but reported as temporary. As the last pair, WW is an ordinary
 *   pair (the reservation is "à gauche" only — guide-carte-grise.info, sivpro.fr).
 * - Check: these rules give (23² − 2) × 999 × (23² − 1) = 277 977 744 numbers, the "près de
 *   278 millions" published at the SIV launch. [Uncertain] France Titres has also quoted 289 341 840,
 *   which matches no simple rule set; no other withheld pair has been found in an official text.
 *
 * FNI (Fichier national des immatriculations, 1950 – 2009), "123 ABC 45", still on vehicles that
 * have not changed owner or address since 2009:
 * - 1 to 4 digits (no leading zero), 1 to 3 letters, then the département (guide-carte-grise.info;
 *   service-public.fr F17638 "de type 123-AB-01").
 * - [Uncertain] At most 6 digits and letters together (series ran 9999 ZZ then 111 AAA … 999 ZZZ;
 *   4 digits with 3 letters was never issued as far as found).
 * - [Uncertain] FNI letter exclusions varied by préfecture and period; all 26 letters are accepted.
 * - Départements 01–95 except 20, Corsica 2A and 2B (since 1976), overseas 971–976. [Uncertain] "20"
 *   (Corsica before 1976) is not accepted: such plates would have been re-registered long ago.
 *
 * Not covered: moped plates of the old "A 11 A" form, diplomatic (CD/CMD/K), military and TT/export
 * series, and W garage numbers.
 */

export const DIGITS = '0123456789'
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
/** SIV letters: A–Z without I, O, U. */
export const SIV_LETTERS = 'ABCDEFGHJKLMNPQRSTVWXYZ'

export type FrenchFormat = 'siv' | 'siv-temporary' | 'fni'

/** Characters allowed slot by slot, independently of each other. */
export interface SlotsGroup {
  kind: 'slots'
  classes: readonly string[]
}

/** A run of slots whose allowed contents are listed in full (pairs with exclusions, département codes). */
export interface ChoicesGroup {
  kind: 'choices'
  length: number
  choices: readonly string[]
  /** The same, for membership tests. */
  allowed: ReadonlySet<string>
}

export type LayoutGroup = SlotsGroup | ChoicesGroup

export interface PlateLayout {
  /** Stable name, e.g. "siv" or "fni-3d-2l-2"; reads are only voted together within one layout. */
  name: string
  format: FrenchFormat
  groups: readonly LayoutGroup[]
  /** Characters in all (separators excluded). */
  length: number
  /** Separator printed after each group but the last: "-" on SIV plates, a space on FNI plates. */
  separator: string
}

export const groupLength = (group: LayoutGroup): number => (group.kind === 'slots' ? group.classes.length : group.length)

function choices(length: number, values: readonly string[]): ChoicesGroup {
  return { kind: 'choices', length, choices: values, allowed: new Set(values) }
}

function pairs(alphabet: string, excluded: readonly string[]): string[] {
  const out: string[] = []
  for (const first of alphabet) for (const second of alphabet) if (!excluded.includes(first + second)) out.push(first + second)
  return out
}

const SIV_NUMBERS = Array.from({ length: 999 }, (_, index) => String(index + 1).padStart(3, '0'))

export const FNI_DEPARTMENTS: readonly string[] = [
  ...Array.from({ length: 95 }, (_, index) => String(index + 1).padStart(2, '0')).filter((code) => code !== '20'),
  '2A',
  '2B',
  '971',
  '972',
  '973',
  '974',
  '975',
  '976'
]

function layout(name: string, format: FrenchFormat, separator: string, groups: LayoutGroup[]): PlateLayout {
  return { name, format, groups, separator, length: groups.reduce((sum, group) => sum + groupLength(group), 0) }
}

const SIV_LAYOUT = layout('siv', 'siv', '-', [
  choices(2, pairs(SIV_LETTERS, ['SS', 'WW'])),
  choices(3, SIV_NUMBERS),
  choices(2, pairs(SIV_LETTERS, ['SS']))
])

const SIV_TEMPORARY_LAYOUT = layout('siv-temporary', 'siv-temporary', '-', [
  choices(2, ['WW']),
  choices(3, SIV_NUMBERS),
  choices(2, pairs(SIV_LETTERS, ['SS']))
])

function fniLayouts(): PlateLayout[] {
  const layouts: PlateLayout[] = []
  for (const departmentLength of [2, 3]) {
    const departments = FNI_DEPARTMENTS.filter((code) => code.length === departmentLength)
    for (let digits = 1; digits <= 4; digits += 1) {
      for (let letters = 1; letters <= 3; letters += 1) {
        if (digits + letters > 6) continue
        layouts.push(
          layout(`fni-${digits}d-${letters}l-${departmentLength}`, 'fni', ' ', [
            { kind: 'slots', classes: ['123456789', ...Array<string>(digits - 1).fill(DIGITS)] },
            { kind: 'slots', classes: Array<string>(letters).fill(LETTERS) },
            choices(departmentLength, departments)
          ])
        )
      }
    }
  }
  return layouts
}

export const FRENCH_LAYOUTS: readonly PlateLayout[] = [SIV_LAYOUT, SIV_TEMPORARY_LAYOUT, ...fniLayouts()]

/** Splits `text` (normalised, exactly layout.length characters) into its groups. */
export function splitGroups(text: string, plateLayout: PlateLayout): string[] {
  const parts: string[] = []
  let start = 0
  for (const group of plateLayout.groups) {
    const length = groupLength(group)
    parts.push(text.slice(start, start + length))
    start += length
  }
  return parts
}

/** Whether a normalised text fits the layout exactly. */
export function fitsLayout(text: string, plateLayout: PlateLayout): boolean {
  if (text.length !== plateLayout.length) return false
  const parts = splitGroups(text, plateLayout)
  return plateLayout.groups.every((group, index) => {
    const part = parts[index]
    if (group.kind === 'choices') return group.allowed.has(part)
    return [...part].every((char, slot) => group.classes[slot].includes(char))
  })
}
