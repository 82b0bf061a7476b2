import { MaskLiftSchema, type MaskLift } from '../../shared/recording'
import { RpcError } from '../../shared/result'
import type { Database } from '../store/database'

interface LiftRow {
  id: number
  camera_id: string
  reference: string
  reason: string
  requested_by: string
  requested_at: number
  minutes: number
  approved_by: string | null
  approved_at: number | null
  ended_by: string | null
  ended_at: number | null
}

const PENDING_EXPIRY_MS = 24 * 60 * 60 * 1000

function toLift(row: LiftRow, now: number): MaskLift {
  const until = row.approved_at === null ? null : row.approved_at + row.minutes * 60_000
  const state =
    row.ended_at !== null
      ? 'ended'
      : until !== null
        ? now < until
          ? 'active'
          : 'expired'
        : now - row.requested_at > PENDING_EXPIRY_MS
          ? 'expired'
          : 'pending'
  return MaskLiftSchema.parse({
    id: row.id,
    cameraId: row.camera_id,
    reference: row.reference,
    reason: row.reason,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    minutes: row.minutes,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    until,
    state
  })
}

/**
 * Lifts of privacy masks (four-eyes): one supervisor or DPO asks, with a reference and a reason;
 * another approves; the lift then runs for its minutes and ends by itself. A request nobody
 * approves within a day lapses.
 */
export class MaskLifts {
  constructor(
    private readonly db: Database,
    private readonly now: () => number
  ) {}

  async request(input: { cameraId: string; reference: string; reason: string; minutes: number }, by: string): Promise<MaskLift> {
    const { lastInsertRowid } = await this.db.run(
      'INSERT INTO mask_lifts (camera_id, reference, reason, requested_by, requested_at, minutes) VALUES (?, ?, ?, ?, ?, ?)',
      [input.cameraId, input.reference, input.reason, by, this.now(), input.minutes]
    )
    return this.require(lastInsertRowid)
  }

  async approve(id: number, by: string): Promise<MaskLift> {
    const lift = await this.require(id)
    if (lift.requestedBy === by) throw new RpcError('FORBIDDEN', 'Une levée de masques doit être autorisée par une autre personne que celle qui l’a demandée.')
    if (lift.state !== 'pending') throw new RpcError('CONFLICT', `Cette demande n’est plus en attente (${lift.state}).`)
    await this.db.run('UPDATE mask_lifts SET approved_by = ?, approved_at = ? WHERE id = ? AND approved_at IS NULL', [by, this.now(), id])
    return this.require(id)
  }

  async end(id: number, by: string): Promise<MaskLift> {
    const lift = await this.require(id)
    if (lift.state === 'ended' || lift.state === 'expired') return lift
    await this.db.run('UPDATE mask_lifts SET ended_by = ?, ended_at = ? WHERE id = ? AND ended_at IS NULL', [by, this.now(), id])
    return this.require(id)
  }

  async list(): Promise<MaskLift[]> {
    const now = this.now()
    return (await this.db.all<LiftRow>('SELECT * FROM mask_lifts ORDER BY id DESC LIMIT 200')).map((row) => toLift(row, now))
  }

  /** The active lift on a camera, if any: then, and only then, its masked areas may be shown. */
  async activeFor(cameraId: string): Promise<MaskLift | null> {
    const now = this.now()
    const rows = await this.db.all<LiftRow>('SELECT * FROM mask_lifts WHERE camera_id = ? AND approved_at IS NOT NULL AND ended_at IS NULL', [cameraId])
    return rows.map((row) => toLift(row, now)).find((lift) => lift.state === 'active') ?? null
  }

  private async require(id: number): Promise<MaskLift> {
    const row = await this.db.get<LiftRow>('SELECT * FROM mask_lifts WHERE id = ?', [id])
    if (!row) throw new RpcError('NOT_FOUND', `Demande de levée de masques inconnue : n° ${id}.`)
    return toLift(row, this.now())
  }
}
