import { randomBytes } from 'node:crypto'

/**
 * One-time tickets for the media channel. `live.open` issues one per view; the media socket redeems
 * it once, shortly after. A leaked URL is therefore useless a few seconds later, and every stream
 * served can be traced back to the call that asked for it.
 */
export class MediaTickets<Grant = string> {
  private readonly tickets = new Map<string, { grant: Grant; expiresAt: number }>()

  constructor(
    private readonly ttlMs = 30_000,
    private readonly now: () => number = Date.now
  ) {}

  /** `grant` says what the ticket opens (a camera) and for whom (the session that asked). */
  issue(grant: Grant): string {
    this.sweep()
    const ticket = randomBytes(16).toString('base64url')
    this.tickets.set(ticket, { grant, expiresAt: this.now() + this.ttlMs })
    return ticket
  }

  /** Returns what the ticket was issued for, or null if unknown, used or expired. */
  redeem(ticket: string): Grant | null {
    const entry = this.tickets.get(ticket)
    this.tickets.delete(ticket)
    if (!entry || entry.expiresAt < this.now()) return null
    return entry.grant
  }

  private sweep(): void {
    const now = this.now()
    for (const [ticket, entry] of this.tickets) if (entry.expiresAt < now) this.tickets.delete(ticket)
  }
}
