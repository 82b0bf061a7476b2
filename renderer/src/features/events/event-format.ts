export type DetailValue = string | number | boolean

/** Details with a known meaning, in the order a reader wants them; the rest follow as the core sent them. */
export const KNOWN_DETAILS = [
  'plate',
  'list',
  'country',
  'format',
  'confidence',
  'reads',
  'agreeingReads',
  'class',
  'zone',
  'direction',
  'dwellSeconds',
  'unattendedSeconds',
  'changedFraction',
  'speedHeightsPerSecond',
  'baselineHeightsPerSecond',
  'tracks',
  'level',
  'previousLevel',
  'persons',
  'personsPerM2',
  'in',
  'out',
  'occupancy'
] as const
export type KnownDetail = (typeof KNOWN_DETAILS)[number]

/** Coordinates and other internals that mean nothing to an operator. */
const HIDDEN_DETAILS = new Set(['centreX', 'centreY', 'hitId'])

export function isKnownDetail(key: string): key is KnownDetail {
  return (KNOWN_DETAILS as readonly string[]).includes(key)
}

export function orderedDetails(details: Record<string, DetailValue>): Array<[string, DetailValue]> {
  const entries = Object.entries(details).filter(([key]) => !HIDDEN_DETAILS.has(key))
  const rank = (key: string): number => (isKnownDetail(key) ? KNOWN_DETAILS.indexOf(key) : KNOWN_DETAILS.length)
  return entries.sort(([a], [b]) => rank(a) - rank(b))
}
