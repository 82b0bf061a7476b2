/**
 * Per-track state for a rule, forgotten once a track has not been seen for a while. The grace
 * period outlasts the tracker's own occlusion budget, so a briefly hidden track keeps its timers.
 */
export class PerTrackMemory<State> {
  private readonly entries = new Map<number, { state: State; lastSeenAt: number }>()

  constructor(private readonly forgetAfterMs = 3000) {}

  /** The state of a track seen at `at`, created on first sight. */
  touch(trackId: number, at: number, create: () => State): State {
    const entry = this.entries.get(trackId)
    if (entry) {
      entry.lastSeenAt = at
      return entry.state
    }
    const state = create()
    this.entries.set(trackId, { state, lastSeenAt: at })
    return state
  }

  get(trackId: number): State | undefined {
    return this.entries.get(trackId)?.state
  }

  delete(trackId: number): void {
    this.entries.delete(trackId)
  }

  /** Drops tracks gone for longer than the grace period. */
  forgetStale(at: number): void {
    for (const [id, entry] of this.entries) if (at - entry.lastSeenAt > this.forgetAfterMs) this.entries.delete(id)
  }
}
