import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PlateRegister, normalisePlate } from '../../../electron/core/lapi/plate-register'
import { openDatabase, type Database } from '../../../electron/core/store/database'
import { MIGRATIONS } from '../../../electron/core/store/migrations'

const DAY = 24 * 60 * 60 * 1000
const T0 = Date.UTC(2026, 10, 29, 10, 0)

describe('PlateRegister', () => {
  let dir: string
  let db: Database
  let clock: number
  let register: PlateRegister
  const read = (plate: string, moduleId: 'lapi-securite' | 'lapi-stationnement', at = clock) => ({ cameraId: 'marche', moduleId, at, plate, format: 'SIV', confidence: 0.93 })

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-lapi-'))
    db = openDatabase(join(dir, 'vigie.db'), { migrations: MIGRATIONS })
    clock = T0
    register = await PlateRegister.open(db, join(dir, 'keys'), () => clock)
  })

  afterEach(async () => {
    await db.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('stores a hotlist so that the database cannot give its plates back', async () => {
    const { hotlist, rejected } = await register.importHotlist(
      { name: 'Véhicules volés', moduleId: 'lapi-securite', reason: 'Diffusion FOVeS du 28/11', plates: ['AB-123-CD', 'ef 456 gh', '??'] },
      'capitaine'
    )
    expect(hotlist).toMatchObject({ entries: 2, importedBy: 'capitaine', moduleId: 'lapi-securite' })
    expect(rejected).toEqual(['??'])
    await db.close()
    const bytes = await readFile(join(dir, 'vigie.db'))
    const wal = await readFile(join(dir, 'vigie.db-wal')).catch(() => Buffer.alloc(0))
    for (const plate of ['AB123CD', 'AB-123-CD', 'EF456GH']) {
      expect(bytes.includes(Buffer.from(plate))).toBe(false)
      expect(wal.includes(Buffer.from(plate))).toBe(false)
    }
    db = openDatabase(join(dir, 'vigie.db'), { migrations: MIGRATIONS })
  })

  it('turns a match into a hit kept a month, keeps unmatched security reads 15 days as hashes only, and parking reads not at all', async () => {
    await register.importHotlist({ name: 'Volés', moduleId: 'lapi-securite', reason: 'Diffusion du 28/11', plates: ['AB-123-CD'] }, 'capitaine')
    const hit = await register.check(read('ab123cd', 'lapi-securite'))
    expect(hit).toMatchObject({ plate: 'AB123CD', hotlistName: 'Volés', expiresAt: T0 + 30 * DAY })
    // Parking has no rights list here: its read is neither flagged nor kept.
    expect(await register.check(read('AB-123-CD', 'lapi-stationnement'))).toBeNull()
    expect(await register.check(read('XY-987-ZT', 'lapi-securite'))).toBeNull()
    // One unmatched security read kept (as a hash); the parking read was not kept at all.
    expect(await register.unmatchedCount(['marche'])).toBe(1)
    const stored = await db.all<{ plate_hash: string }>('SELECT plate_hash FROM lapi_reads')
    expect(stored).toEqual([{ plate_hash: register.hash('XY987ZT') }])

    clock = T0 + 15 * DAY
    expect(await register.purgeExpired()).toEqual({ reads: 1, hits: 0 })
    expect((await register.hits(['marche'])).map((h) => h.plate)).toEqual(['AB123CD'])
    clock = T0 + 30 * DAY
    expect(await register.purgeExpired()).toEqual({ reads: 0, hits: 1 })
    expect(await register.hits(['marche'])).toEqual([])
  })

  it('forgets a parked vehicle that has paid, flags one on no rights list, and flags nothing without a rights list', async () => {
    // No rights list yet: nothing to check against, so nothing is flagged and nothing is kept.
    expect(await register.check(read('AB-123-CD', 'lapi-stationnement'))).toBeNull()
    const { hotlist } = await register.importHotlist({ name: 'Paiements 10 h', moduleId: 'lapi-stationnement', reason: 'Export horaire des horodateurs', plates: ['AB-123-CD'] }, 'alice')
    expect(await register.check(read('ab 123 cd', 'lapi-stationnement'))).toBeNull()
    const unpaid = await register.check(read('XY-987-ZT', 'lapi-stationnement'))
    expect(unpaid).toMatchObject({ plate: 'XY987ZT', hotlistId: hotlist.id, hotlistName: 'Paiements 10 h', eventId: null, expiresAt: T0 + 30 * DAY })
    // A watch-list purpose never sees parking lists.
    expect(await register.check(read('AB-123-CD', 'lapi-securite'))).toBeNull()
    // The paid plate left no trace; only the unpaid one is kept, for the agent.
    expect(await db.all('SELECT plate FROM lapi_hits')).toEqual([{ plate: 'XY987ZT' }])
    expect(await db.all("SELECT * FROM lapi_reads WHERE module_id = 'lapi-stationnement'")).toEqual([])
    await register.linkEvent(unpaid?.id ?? -1, 42)
    expect((await register.hits(['marche']))[0]).toMatchObject({ plate: 'XY987ZT', eventId: 42 })
    await register.withdrawHotlist(hotlist.id)
    expect(await register.check(read('QR-555-ST', 'lapi-stationnement'))).toBeNull()
  })

  it('stops matching a withdrawn list and forgets its hashes', async () => {
    const { hotlist } = await register.importHotlist({ name: 'Volés', moduleId: 'lapi-securite', reason: 'Diffusion du 28/11', plates: ['AB-123-CD'] }, 'capitaine')
    await register.withdrawHotlist(hotlist.id)
    expect(await register.check(read('AB123CD', 'lapi-securite'))).toBeNull()
    expect(await db.all('SELECT * FROM lapi_hotlist_entries')).toEqual([])
  })

  it('normalises plates whatever their separators', () => {
    expect(normalisePlate(' ab-123 cd ')).toBe('AB123CD')
  })
})
