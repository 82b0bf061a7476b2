import { createHmac } from 'node:crypto'
import { RpcError } from '../../shared/result'
import { loadOrCreateSecretKey } from '../fs/secret-key'
import type { Database } from '../store/database'

export type LapiModuleId = 'lapi-securite' | 'lapi-stationnement'

const DAY_MS = 24 * 60 * 60 * 1000
export const PLATE_KEY_FILE = 'lapi-plates.key'

/**
 * How long a read that matched no list is kept, by purpose. Parking: not at all, the check against
 * the payments is its only use. Security (State services): at most 15 days, as a keyed hash only,
 * so that nobody can read it back. Hits are kept a month at most, in clear, for a person to check.
 */
export const UNMATCHED_READ_RETENTION_MS: Record<LapiModuleId, number> = {
  'lapi-securite': 15 * DAY_MS,
  'lapi-stationnement': 0
}
export const HIT_RETENTION_MS = 30 * DAY_MS

/** Uppercase letters and digits only: `AB-123-CD`, `ab 123 cd` and `AB123CD` are one plate. */
export function normalisePlate(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/gu, '')
}

export interface PlateRead {
  cameraId: string
  moduleId: LapiModuleId
  at: number
  plate: string
  format: string
  confidence: number
}

/**
 * A read that needs a person. Security: the plate is on a watch list (`hotlist` holds it). Parking:
 * the plate is on none of the rights lists (`hotlist` is the newest one it is missing from).
 */
export interface PlateHit extends PlateRead {
  id: number
  hotlistId: number
  hotlistName: string
  expiresAt: number
  /** The alert raised for it, once the core has stored one. */
  eventId: number | null
}

export interface HotlistInfo {
  id: number
  name: string
  moduleId: LapiModuleId
  reason: string
  importedBy: string
  importedAt: number
  entries: number
  withdrawnAt: number | null
}

interface HotlistRow {
  id: number
  name: string
  module_id: LapiModuleId
  reason: string
  imported_by: string
  imported_at: number
  entries: number
  withdrawn_at: number | null
}

/**
 * The plates Vigie keeps, minimised by construction: hotlists and unmatched reads are stored as
 * HMAC-SHA256 of the normalised plate with a key kept outside the database (`keys/lapi-plates.key`),
 * so a stolen database reveals no plate; a plate is stored in clear only in a hit, which expires
 * after a month. Whether a module may run at all is the compliance lock's decision, not this one's.
 */
export class PlateRegister {
  private constructor(
    private readonly db: Database,
    private readonly key: Buffer,
    private readonly now: () => number
  ) {}

  static async open(db: Database, keysDir: string, now: () => number): Promise<PlateRegister> {
    const key = await loadOrCreateSecretKey(keysDir, PLATE_KEY_FILE, (path, size) => new Error(`La clé des plaques ${path} est invalide (${size} octets) : restaurez-la depuis une sauvegarde.`))
    return new PlateRegister(db, key, now)
  }

  hash(plate: string): string {
    return createHmac('sha256', this.key).update(normalisePlate(plate)).digest('hex')
  }

  /** Stores a list as hashes only; returns what was kept and what was not a plate. */
  async importHotlist(input: { name: string; moduleId: LapiModuleId; reason: string; plates: readonly string[] }, actor: string): Promise<{ hotlist: HotlistInfo; rejected: string[] }> {
    const rejected: string[] = []
    const hashes = new Set<string>()
    for (const raw of input.plates) {
      const plate = normalisePlate(raw)
      if (plate.length < 4 || plate.length > 12) rejected.push(raw)
      else hashes.add(this.hash(plate))
    }
    if (hashes.size === 0) throw new RpcError('INVALID_INPUT', 'La liste ne contient aucune plaque lisible.')
    const id = await this.db.transaction((sql) => {
      const { lastInsertRowid } = sql.run('INSERT INTO lapi_hotlists (name, module_id, reason, imported_by, imported_at, entries) VALUES (?, ?, ?, ?, ?, ?)', [
        input.name,
        input.moduleId,
        input.reason,
        actor,
        this.now(),
        hashes.size
      ])
      for (const hash of hashes) sql.run('INSERT INTO lapi_hotlist_entries (hotlist_id, plate_hash) VALUES (?, ?)', [lastInsertRowid, hash])
      return lastInsertRowid
    })
    return { hotlist: (await this.hotlists()).find((list) => list.id === id) as HotlistInfo, rejected }
  }

  async withdrawHotlist(id: number): Promise<void> {
    await this.db.transaction((sql) => {
      sql.run('UPDATE lapi_hotlists SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL', [this.now(), id])
      // The hashes go too: a withdrawn list must not be matchable, nor kept longer than needed.
      sql.run('DELETE FROM lapi_hotlist_entries WHERE hotlist_id = ?', [id])
    })
  }

  async hotlists(): Promise<HotlistInfo[]> {
    const rows = await this.db.all<HotlistRow>('SELECT * FROM lapi_hotlists ORDER BY id DESC')
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      moduleId: row.module_id,
      reason: row.reason,
      importedBy: row.imported_by,
      importedAt: row.imported_at,
      entries: row.entries,
      withdrawnAt: row.withdrawn_at
    }))
  }

  /**
   * Checks a read against the active lists of its purpose.
   * - Security: a plate on a watch list is a hit; any other read is kept as a hash for 15 days.
   * - Parking: the lists are parking rights (payments, permits). A plate on one of them has paid and
   *   is forgotten at once; a plate on none is a hit for an agent to check. Without any active rights
   *   list there is nothing to check against: the read is dropped, never flagged.
   */
  async check(read: PlateRead): Promise<PlateHit | null> {
    const hash = this.hash(read.plate)
    const match = await this.db.get<{ id: number; name: string }>(
      `SELECT l.id, l.name FROM lapi_hotlist_entries e JOIN lapi_hotlists l ON l.id = e.hotlist_id
       WHERE e.plate_hash = ? AND l.module_id = ? AND l.withdrawn_at IS NULL ORDER BY l.id LIMIT 1`,
      [hash, read.moduleId]
    )
    if (read.moduleId === 'lapi-stationnement') {
      if (match) return null
      const rights = await this.db.get<{ id: number; name: string }>(
        "SELECT id, name FROM lapi_hotlists WHERE module_id = 'lapi-stationnement' AND withdrawn_at IS NULL ORDER BY id DESC LIMIT 1"
      )
      return rights ? this.recordHit(read, rights) : null
    }
    if (match) return this.recordHit(read, match)
    const keep = UNMATCHED_READ_RETENTION_MS[read.moduleId]
    if (keep > 0) {
      await this.db.run('INSERT INTO lapi_reads (camera_id, module_id, at, plate_hash, format, confidence, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        read.cameraId,
        read.moduleId,
        read.at,
        hash,
        read.format,
        read.confidence,
        read.at + keep
      ])
    }
    return null
  }

  /** The alert raised for a hit, so the read log can open it. */
  async linkEvent(hitId: number, eventId: number): Promise<void> {
    await this.db.run('UPDATE lapi_hits SET event_id = ? WHERE id = ?', [eventId, hitId])
  }

  /** Deletes the hit an alert was raised for, once a person has dealt with it. */
  async closeHitOfEvent(eventId: number): Promise<void> {
    await this.db.run('DELETE FROM lapi_hits WHERE event_id = ?', [eventId])
  }

  private async recordHit(read: PlateRead, list: { id: number; name: string }): Promise<PlateHit> {
    const plate = normalisePlate(read.plate)
    const expiresAt = read.at + HIT_RETENTION_MS
    const { lastInsertRowid } = await this.db.run(
      'INSERT INTO lapi_hits (camera_id, module_id, hotlist_id, at, plate, format, confidence, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [read.cameraId, read.moduleId, list.id, read.at, plate, read.format, read.confidence, expiresAt]
    )
    return { ...read, plate, id: lastInsertRowid, hotlistId: list.id, hotlistName: list.name, expiresAt, eventId: null }
  }

  /** Hits still within their retention, on the given cameras, newest first. */
  async hits(cameraIds: readonly string[]): Promise<PlateHit[]> {
    if (cameraIds.length === 0) return []
    const rows = await this.db.all<{ id: number; camera_id: string; module_id: LapiModuleId; hotlist_id: number; name: string; at: number; plate: string; format: string; confidence: number; expires_at: number; event_id: number | null }>(
      `SELECT h.*, l.name FROM lapi_hits h JOIN lapi_hotlists l ON l.id = h.hotlist_id
       WHERE h.camera_id IN (${cameraIds.map(() => '?').join(', ')}) AND h.expires_at > ? ORDER BY h.id DESC LIMIT 500`,
      [...cameraIds, this.now()]
    )
    return rows.map((row) => ({
      id: row.id,
      cameraId: row.camera_id,
      moduleId: row.module_id,
      at: row.at,
      plate: row.plate,
      format: row.format,
      confidence: row.confidence,
      hotlistId: row.hotlist_id,
      hotlistName: row.name,
      expiresAt: row.expires_at,
      eventId: row.event_id
    }))
  }

  /** Unmatched reads still kept (hashes: how many, never which plates). */
  async unmatchedCount(cameraIds: readonly string[]): Promise<number> {
    if (cameraIds.length === 0) return 0
    const row = await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM lapi_reads WHERE camera_id IN (${cameraIds.map(() => '?').join(', ')}) AND expires_at > ?`, [
      ...cameraIds,
      this.now()
    ])
    return row?.n ?? 0
  }

  /** Deletes what has expired; returns how many reads and hits went. */
  async purgeExpired(): Promise<{ reads: number; hits: number }> {
    const now = this.now()
    const reads = (await this.db.run('DELETE FROM lapi_reads WHERE expires_at <= ?', [now])).changes
    const hits = (await this.db.run('DELETE FROM lapi_hits WHERE expires_at <= ?', [now])).changes
    return { reads, hits }
  }
}
