import { describe, expect, it } from 'vitest'
import { MediaTickets } from '../../../electron/core/api/media-tickets'

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start
  return { now: () => time, advance: (ms) => (time += ms) }
}

describe('MediaTickets', () => {
  it('issues unguessable, URL-safe tickets, different every time', () => {
    const tickets = new MediaTickets()
    const issued = Array.from({ length: 50 }, () => tickets.issue('hall'))
    expect(new Set(issued).size).toBe(50)
    for (const ticket of issued) expect(ticket).toMatch(/^[A-Za-z0-9_-]{22}$/) // 128 bits, base64url
  })

  it('redeems a ticket once, for the camera it was issued for', () => {
    const tickets = new MediaTickets()
    const ticket = tickets.issue('hall')
    expect(tickets.redeem(ticket)).toBe('hall')
    expect(tickets.redeem(ticket)).toBeNull()
  })

  it('keeps tickets of different cameras apart', () => {
    const tickets = new MediaTickets()
    const hall = tickets.issue('hall')
    const quai = tickets.issue('quai')
    expect(tickets.redeem(quai)).toBe('quai')
    expect(tickets.redeem(hall)).toBe('hall')
  })

  it('refuses unknown tickets', () => {
    const tickets = new MediaTickets()
    tickets.issue('hall')
    expect(tickets.redeem('')).toBeNull()
    expect(tickets.redeem('pas-un-ticket')).toBeNull()
  })

  it('honours a ticket until its TTL and refuses it after', () => {
    const clock = manualClock()
    const tickets = new MediaTickets(5_000, clock.now)
    const early = tickets.issue('hall')
    const late = tickets.issue('hall')
    clock.advance(5_000)
    expect(tickets.redeem(early)).toBe('hall') // exactly at the deadline: still valid
    clock.advance(1)
    expect(tickets.redeem(late)).toBeNull()
  })

  it('an expired ticket stays refused even if the clock goes back', () => {
    const clock = manualClock()
    const tickets = new MediaTickets(1_000, clock.now)
    const ticket = tickets.issue('hall')
    clock.advance(2_000)
    expect(tickets.redeem(ticket)).toBeNull()
    clock.advance(-2_000)
    expect(tickets.redeem(ticket)).toBeNull()
  })

  it('drops expired tickets when issuing new ones', () => {
    const clock = manualClock()
    const tickets = new MediaTickets(1_000, clock.now)
    const old = tickets.issue('hall')
    clock.advance(1_001)
    tickets.issue('quai') // sweeps `old`
    clock.advance(-1_001) // even back in its validity window, it is gone
    expect(tickets.redeem(old)).toBeNull()
  })

  it('uses a 30 s TTL by default', () => {
    const clock = manualClock()
    const tickets = new MediaTickets(undefined, clock.now)
    const valid = tickets.issue('hall')
    const expired = tickets.issue('hall')
    clock.advance(30_000)
    expect(tickets.redeem(valid)).toBe('hall')
    clock.advance(1)
    expect(tickets.redeem(expired)).toBeNull()
  })
})
