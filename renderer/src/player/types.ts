/** What a tile learns from its player, about once per second. */
export interface LiveStats {
  /**
   * Estimated delay between the core receiving an image and this screen showing it, in ms:
   * age of the last appended fragment plus what is still buffered ahead of the playhead.
   * Null until a first fragment has been appended.
   */
  latencyMs: number | null
  /** Whether new images reached the screen since the previous report. */
  framesAdvancing: boolean
}

/** Why a player cannot show video right now; the tile turns it into a translated sentence. */
export type PlayerProblem =
  | { kind: 'unsupported' }
  | { kind: 'codec'; codec: string }
  | { kind: 'decode' }
  | { kind: 'stream'; message: string }

export function sameProblem(a: PlayerProblem | null, b: PlayerProblem | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
