/**
 * Documents carry calendar dates (« délivré le 2026-03-01 »), while the core reasons in instants. A
 * date means the day in the installation's own time zone: an arrêté that expires on 1 May stops
 * counting at midnight in Paris, not at 02:00 when UTC reaches that date.
 */

/** `YYYY-MM-DD`. */
export type IsoDate = string

export const DEFAULT_TIME_ZONE = 'Europe/Paris'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function parts(date: IsoDate): [number, number, number] {
  const match = ISO_DATE.exec(date)
  if (!match) throw new Error(`date invalide : ${date}`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0')

function fromUtcDate(date: Date): IsoDate {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

/** A real calendar day written `YYYY-MM-DD` (the regex alone would let 2026-02-30 through). */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return fromUtcDate(new Date(Date.UTC(year, month - 1, day))) === text
}

/**
 * `months` later, the day clamped to the month's end: an authorisation of 60 months issued on
 * 31 August ends on 31 August five years on, one of 1 month issued on 31 January ends on 28/29 February.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = parts(date)
  const target = new Date(Date.UTC(year, month - 1 + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return fromUtcDate(target)
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = parts(date)
  return fromUtcDate(new Date(Date.UTC(year, month - 1, day + days)))
}

/** « 01/05/2031 », as a French reader writes a date. */
export function formatFrenchDate(date: IsoDate): string {
  const [year, month, day] = parts(date)
  return `${pad(day)}/${pad(month)}/${pad(year, 4)}`
}

/** Turns instants into the dates of one time zone and back. */
export class Calendar {
  private readonly dayFormat: Intl.DateTimeFormat
  private readonly instantFormat: Intl.DateTimeFormat

  constructor(readonly timeZone: string = DEFAULT_TIME_ZONE) {
    this.dayFormat = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    this.instantFormat = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit'
    })
  }

  /** The date it is at `now` in this time zone. */
  today(now: number): IsoDate {
    const fields = this.fields(this.dayFormat, now)
    return `${pad(fields.year, 4)}-${pad(fields.month)}-${pad(fields.day)}`
  }

  /** The instant `date` begins in this time zone (midnight, or the first instant after a DST gap). */
  startOf(date: IsoDate): number {
    const [year, month, day] = parts(date)
    const wallClock = Date.UTC(year, month - 1, day)
    const firstGuess = wallClock - this.offsetAt(wallClock)
    const offset = this.offsetAt(firstGuess)
    return wallClock - offset
  }

  /** How far this zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
  private offsetAt(instant: number): number {
    const fields = this.fields(this.instantFormat, instant)
    const wallClock = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second)
    return wallClock - Math.floor(instant / 1000) * 1000
  }

  private fields(format: Intl.DateTimeFormat, instant: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
    const values = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
    for (const part of format.formatToParts(instant)) {
      if (part.type in values) values[part.type as keyof typeof values] = Number(part.value)
    }
    return values
  }
}
