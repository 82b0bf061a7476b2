/**
 * <input type="datetime-local" step="1"> speaks local wall-clock time without a zone
 * (« 2026-03-14T09:05:12 »); the screen thinks in epoch ms. The workstation's time zone is the
 * operators' own, which is what they read on the clock of the room.
 */

const pad = (value: number, length = 2): string => String(value).padStart(length, '0')

export function toLocalInputValue(epochMs: number): string {
  const date = new Date(epochMs)
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  )
}

/** Null for anything that is not a real local moment (empty, malformed, 31 February). */
export function fromLocalInputValue(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value.trim())
  if (!match) return null
  const [year, month, day, hours, minutes] = match.slice(1, 6).map(Number)
  const seconds = match[6] ? Number(match[6]) : 0
  const date = new Date(year, month - 1, day, hours, minutes, seconds, 0)
  const valid =
    date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day && date.getHours() === hours && date.getMinutes() === minutes
  return valid ? date.getTime() : null
}
