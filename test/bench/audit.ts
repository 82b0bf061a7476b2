import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { AuditLog, openAuditLog } from '../../electron/core/audit'
import { auditHeadMarkerPath, writeHeadMarker } from '../../electron/core/audit/audit-head-marker'
import { loadOrCreateAuditKey } from '../../electron/core/audit/audit-key'
import { AuditSigner, GENESIS_HASH, type SignedEntryFields } from '../../electron/core/audit/audit-signer'
import type { AuditAction } from '../../electron/shared/audit'
import { openDatabase, type Database } from '../../electron/core/store/database'
import { MIGRATIONS } from '../../electron/core/store/migrations'

/**
 * npm run bench -- audit [--appends N] [--entries N] [--json]
 *
 * Measures, in a temporary folder:
 *  - sustained appends: N entries (20,000 by default) one after the other, each its own transaction
 *    as in the app, with details of a realistic size;
 *  - verification of a chain of --entries entries (1,000,000 by default), built beforehand by a bulk
 *    insert that computes the same HMACs as append();
 *  - the database's size per entry.
 * Prints one JSON object as its last line. Targets: ≥ 5,000 appends/s, 1 M entries verified in < 5 s.
 */

const ACTIONS: AuditAction[] = ['live.start', 'live.stop', 'playback.view', 'alert.decision', 'auth.login', 'camera.update']
const ACTORS = ['dupont', 'martin', 'lefevre', 'durand', 'moreau', 'system']

/** What entry number i looks like: an operator on a workstation, a camera, a few details. */
function realisticEntry(i: number): { actor: string; action: AuditAction; cameraId: string; workstation: string; details: Record<string, unknown> } {
  const action = ACTIONS[i % ACTIONS.length]
  return {
    actor: ACTORS[i % ACTORS.length],
    action,
    cameraId: `cam-${(i * 7) % 120}`,
    workstation: `poste-${(i % 6) + 1}`,
    details: {
      stream: i % 3 === 0 ? 'main' : 'sub',
      layout: '3x3',
      reason: action === 'alert.decision' ? 'Alerte confirmée : attroupement devant la gare' : 'Ronde de nuit',
      durationMs: (i * 7919) % 600_000
    }
  }
}

const progress = (message: string): void => {
  process.stderr.write(`[bench:audit] ${message}\n`)
}

async function databaseBytes(path: string): Promise<number> {
  const sizes = await Promise.all(['', '-wal'].map((suffix) => stat(path + suffix).then((s) => s.size, () => 0)))
  return sizes.reduce((sum, size) => sum + size, 0)
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]
}

async function measureAppends(dir: string, count: number) {
  const db = openDatabase(join(dir, 'appends.db'), { migrations: MIGRATIONS })
  const log = await openAuditLog(db, join(dir, 'keys-appends'))
  for (let i = 0; i < 500; i += 1) await log.append(realisticEntry(i))
  const latencies: number[] = []
  const started = performance.now()
  for (let i = 0; i < count; i += 1) {
    const before = performance.now()
    await log.append(realisticEntry(i))
    latencies.push(performance.now() - before)
  }
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const verification = await log.verify()
  await log.close()
  await db.close()
  return {
    appends: count,
    appendsPerSecond: Math.round(count / seconds),
    appendP50Ms: Number(percentile(latencies, 0.5).toFixed(3)),
    appendP99Ms: Number(percentile(latencies, 0.99).toFixed(3)),
    appendedChainOk: verification.ok
  }
}

/** Writes `count` chained entries in large transactions, hashing them exactly as append() does. */
async function buildChain(db: Database, signer: AuditSigner, count: number): Promise<{ seq: number; hash: string }> {
  const batch = 50_000
  let head = { seq: 0, hash: GENESIS_HASH }
  const at0 = Date.UTC(2025, 0, 1)
  for (let first = 1; first <= count; first += batch) {
    head = await db.transaction((sql) => {
      let { seq, hash } = head
      for (let i = first; i < Math.min(first + batch, count + 1); i += 1) {
        const entry = realisticEntry(i)
        const fields: SignedEntryFields = {
          seq: i,
          at: at0 + i * 1000,
          actor: entry.actor,
          action: entry.action,
          camera_id: entry.cameraId,
          target: null,
          workstation: entry.workstation,
          details: JSON.stringify(entry.details),
          prev_hash: hash
        }
        seq = i
        hash = signer.entryHash(fields)
        sql.run(
          'INSERT INTO audit_log (seq, at, actor, action, camera_id, target, workstation, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [fields.seq, fields.at, fields.actor, fields.action, fields.camera_id, fields.target, fields.workstation, fields.details, fields.prev_hash, hash]
        )
      }
      return { seq, hash }
    })
    if ((first - 1) % 200_000 === 0) progress(`built ${first - 1} / ${count}`)
  }
  return head
}

async function measureVerify(dir: string, count: number) {
  const path = join(dir, 'chain.db')
  const keysDir = join(dir, 'keys-chain')
  const key = await loadOrCreateAuditKey(keysDir)
  const signer = new AuditSigner(key)

  const building = openDatabase(path, { migrations: MIGRATIONS })
  const buildStarted = performance.now()
  const head = await buildChain(building, signer, count)
  const buildSeconds = (performance.now() - buildStarted) / 1000
  await writeHeadMarker(auditHeadMarkerPath(keysDir), signer, head, Date.now())
  await building.close()
  const fileBytes = await databaseBytes(path)

  // A fresh connection, as after a restart: nothing of the chain is in SQLite's own cache.
  const db = openDatabase(path, { migrations: MIGRATIONS })
  const log = new AuditLog(db, key, { headMarkerPath: auditHeadMarkerPath(keysDir) })
  progress(`verifying ${count} entries`)
  const started = performance.now()
  const verification = await log.verify()
  const verifySeconds = (performance.now() - started) / 1000
  await log.close()
  await db.close()
  if (!verification.ok || verification.checked !== count) throw new Error(`verification failed: ${verification.message}`)
  return {
    verifyEntries: count,
    verifySeconds: Number(verifySeconds.toFixed(2)),
    verifyEntriesPerSecond: Math.round(count / verifySeconds),
    buildSeconds: Number(buildSeconds.toFixed(1)),
    fileBytes,
    bytesPerEntry: Math.round(fileBytes / count)
  }
}

export async function benchAudit(argv: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: argv,
    options: {
      appends: { type: 'string', default: '20000' },
      entries: { type: 'string', default: '1000000' },
      json: { type: 'boolean', default: false }
    }
  })
  const appends = Number(values.appends)
  const entries = Number(values.entries)
  const dir = await mkdtemp(join(tmpdir(), 'vigie-bench-audit-'))
  try {
    progress(`${appends} appends`)
    const appendFigures = await measureAppends(dir, appends)
    progress(`${appendFigures.appendsPerSecond} appends/s`)
    const verifyFigures = await measureVerify(dir, entries)
    return { benchmark: 'audit', ...appendFigures, ...verifyFigures }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
