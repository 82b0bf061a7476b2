/**
 * The review screen's keyboard map, kept apart from the DOM so that it can be tested. An operator
 * works down the queue without the mouse: J/K (or the arrows) to move, Enter to take an alert, C, F
 * and E to decide, Space for the clip, B for the burst, ? for the list of shortcuts.
 */
export type ReviewAction = 'next' | 'previous' | 'claim' | 'confirm' | 'falseAlarm' | 'escalate' | 'togglePlay' | 'burst' | 'help' | 'clear'

/** What the key was pressed on: a field being typed in, another control (button, link, video), or the page. */
export type KeyTarget = 'text' | 'control' | 'other'

export interface KeyInput {
  key: string
  ctrlKey?: boolean
  metaKey?: boolean
  altKey?: boolean
  target: KeyTarget
}

/** A key as shown on screen: letters and arrows as they are, named keys translated (« Entrée », « Enter »). */
export type ShortcutKey = 'J' | 'K' | '↓' | '↑' | 'C' | 'F' | 'E' | 'B' | '?' | 'enter' | 'space' | 'escape'
export const NAMED_KEYS = ['enter', 'space', 'escape'] as const
export type NamedKey = (typeof NAMED_KEYS)[number]
export const isNamedKey = (key: ShortcutKey): key is NamedKey => (NAMED_KEYS as readonly string[]).includes(key)

/** The shortcuts in the order the help lists them, with the keys shown on screen. */
export const REVIEW_SHORTCUTS: ReadonlyArray<{ action: ReviewAction; keys: readonly ShortcutKey[] }> = [
  { action: 'next', keys: ['J', '↓'] },
  { action: 'previous', keys: ['K', '↑'] },
  { action: 'claim', keys: ['enter'] },
  { action: 'confirm', keys: ['C'] },
  { action: 'falseAlarm', keys: ['F'] },
  { action: 'escalate', keys: ['E'] },
  { action: 'togglePlay', keys: ['space'] },
  { action: 'burst', keys: ['B'] },
  { action: 'help', keys: ['?'] },
  { action: 'clear', keys: ['escape'] }
]

const BY_KEY: Record<string, ReviewAction> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  Enter: 'claim',
  c: 'confirm',
  f: 'falseAlarm',
  e: 'escalate',
  ' ': 'togglePlay',
  Spacebar: 'togglePlay',
  b: 'burst',
  '?': 'help',
  Escape: 'clear'
}

/** Keys a focused button, link or player already answers to: the shortcut must not fire as well. */
const CONTROL_KEYS = new Set(['Enter', ' ', 'Spacebar', 'ArrowDown', 'ArrowUp'])

export function reviewActionFor(input: KeyInput): ReviewAction | null {
  // Browser and system shortcuts (Ctrl+C, Alt+←…) stay theirs.
  if (input.ctrlKey || input.metaKey || input.altKey) return null
  if (input.target === 'text') return null
  if (input.target === 'control' && CONTROL_KEYS.has(input.key)) return null
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key
  return BY_KEY[key] ?? null
}
