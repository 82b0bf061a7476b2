/** Between epoch milliseconds and the value of an <input type="datetime-local"> (local time, to the minute). */
export function toDateTimeInput(epochMs: number | null): string {
  if (epochMs === null || !Number.isFinite(epochMs)) return ''
  const date = new Date(epochMs)
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

export function fromDateTimeInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value)
  if (!match) return null
  const [, year, month, day, hours, minutes, seconds] = match
  const date = new Date(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds ?? 0))
  // 31 February and its kind roll over into another day: not a moment anyone meant.
  const real = date.getFullYear() === Number(year) && date.getMonth() === Number(month) - 1 && date.getDate() === Number(day)
  return real ? date.getTime() : null
}
