import { readFile } from 'node:fs/promises'
import { MIN_PASSWORD_LENGTH } from '../../shared/accounts'

/** The list of common passwords, relative to the app root like the other shipped resources. */
export const COMMON_PASSWORDS_FILE = 'resources/common-passwords.txt'

/** Entries are stored in comparison form (see `comparable`). */
export type CommonPasswords = ReadonlySet<string>

export type PasswordRule = 'length' | 'common' | 'username' | 'pattern'

export interface PasswordProblem {
  rule: PasswordRule
  /** In French, meant for the person choosing the password. */
  message: string
}

export interface PasswordContext {
  username: string
  common: CommonPasswords
}

const MESSAGES: Record<PasswordRule, string> = {
  length: `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`,
  common: 'Ce mot de passe est trop courant : il figure parmi les mots de passe les plus utilisés.',
  username: 'Le mot de passe ne doit pas contenir l’identifiant.',
  pattern: 'Le mot de passe ne doit pas être un caractère ou un motif répété, ni une suite simple (abcd…, 1234…).'
}

/** Below this length, "contains the username" would refuse too much (« jo » is in « bonjour »). */
const MIN_USERNAME_LENGTH_FOR_CONTAINS = 3

/** Below this length, what remains after stripping the ends is too short to call a pattern. */
const MIN_CORE_LENGTH_FOR_PATTERN = 4

/** Lower case, accents removed, separators dropped: « Mot-de-Passé » and « motdepasse » compare equal. */
export function comparable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s._'’-]+/gu, '')
}

/** What people append or prepend to a word to pass a length rule: « Azerty123456! » → « azerty ». */
function stripEnds(text: string): string {
  return text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
}

const LEET: Readonly<Record<string, string>> = { '@': 'a', '4': 'a', '3': 'e', '€': 'e', '1': 'i', '!': 'i', '0': 'o', $: 's', '5': 's', '7': 't' }

/** « P@ssw0rd » → « password ». */
function unleet(text: string): string {
  return [...text].map((char) => LEET[char] ?? char).join('')
}

/** « aaaa », « abab », « soleilsoleil ». */
function isRepetition(text: string): boolean {
  return /^(.+?)\1+$/su.test(text)
}

/** Difference between two characters, where 9 → 0 continues a digit run (« 7890123 »). */
function step(from: number, to: number): number {
  const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39
  const delta = to - from
  if (isDigit(from) && isDigit(to) && Math.abs(delta) === 9) return -Math.sign(delta)
  return delta
}

/** « abcdef », « 987654 », « 8901234 »: every character one above (or one below) the previous. */
function isSimpleSequence(text: string): boolean {
  const codes = Array.from(text, (char) => char.codePointAt(0) ?? 0)
  if (codes.length < 3) return false
  const first = step(codes[0], codes[1])
  if (Math.abs(first) !== 1) return false
  return codes.every((code, i) => i === 0 || step(codes[i - 1], code) === first)
}

function isTrivialPattern(text: string): boolean {
  return isRepetition(text) || isSimpleSequence(text)
}

export function parseCommonPasswords(text: string): CommonPasswords {
  const entries = new Set<string>()
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    entries.add(comparable(trimmed))
  }
  return entries
}

export async function loadCommonPasswords(path: string): Promise<CommonPasswords> {
  return parseCommonPasswords(await readFile(path, 'utf8'))
}

/** Every rule the password breaks, one problem per rule; empty when it is acceptable. */
export function passwordProblems(password: string, context: PasswordContext): PasswordProblem[] {
  const broken: PasswordRule[] = []
  const whole = comparable(password)
  const core = stripEnds(whole)

  if ([...password.normalize('NFC')].length < MIN_PASSWORD_LENGTH) broken.push('length')

  const variants = new Set([whole, core, stripEnds(unleet(whole)), unleet(core)])
  if ([...variants].some((variant) => variant !== '' && context.common.has(variant))) broken.push('common')

  const username = comparable(context.username)
  if (username !== '' && (whole === username || (username.length >= MIN_USERNAME_LENGTH_FOR_CONTAINS && whole.includes(username)))) {
    broken.push('username')
  }

  if (isTrivialPattern(whole) || (core.length >= MIN_CORE_LENGTH_FOR_PATTERN && isTrivialPattern(core))) broken.push('pattern')

  return broken.map((rule) => ({ rule, message: MESSAGES[rule] }))
}
