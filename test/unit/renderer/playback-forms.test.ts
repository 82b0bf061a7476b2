import { describe, expect, it } from 'vitest'
import type { LegalHold, MaskLift } from '../../../electron/shared/recording'
import {
  BYTES_PER_GB,
  bytesToGbText,
  parseDecimal,
  recordingFormFrom,
  samePolicy,
  toRecordingPolicy,
  toRecordingStorage
} from '../../../renderer/src/features/cameras/recording-form'
import { fromLocalInputValue, toLocalInputValue } from '../../../renderer/src/features/playback/datetime-input'
import { HOLD_REASON, HOLD_REFERENCE, LIFT_MINUTES, RELEASE_REASON, withinLength } from '../../../renderer/src/features/playback/limits'
import { activeLift, approvalBlock, liftKey, liftStateAt } from '../../../renderer/src/features/playback/mask-lift'
import { alertPlaybackHref, formatPlaybackDetail, parsePlaybackDetail } from '../../../renderer/src/features/playback/playback-route'
import { playbackKeyAction } from '../../../renderer/src/features/playback/use-playback-keys'
import { createHoldsStore } from '../../../renderer/src/stores/holds-store'
import { createMaskLiftsStore, upsertLift } from '../../../renderer/src/stores/mask-lifts-store'
import { createPlaybackViewStore } from '../../../renderer/src/stores/playback-store'
import { createRecordingStore } from '../../../renderer/src/stores/recording-store'
import { fakeClient } from './support'

const NOW = Date.UTC(2026, 2, 14, 11, 0, 0)

function lift(id: number, patch: Partial<MaskLift> = {}): MaskLift {
  return {
    id,
    cameraId: 'demo-parvis',
    reference: 'REQ-1',
    reason: 'Enquête sur un vol à l’arraché',
    requestedBy: 'superviseur',
    requestedAt: NOW - 60_000 + id,
    minutes: 30,
    approvedBy: null,
    approvedAt: null,
    until: null,
    state: 'pending',
    ...patch
  }
}

function hold(id: number, patch: Partial<LegalHold> = {}): LegalHold {
  return {
    id,
    cameraId: 'demo-parvis',
    from: NOW - 600_000,
    to: NOW - 300_000,
    reference: 'REQ-2026-1',
    reason: 'Réquisition du commissariat central',
    createdBy: 'superviseur',
    createdAt: NOW + id,
    releasedBy: null,
    releasedAt: null,
    ...patch
  }
}

describe('the playback address', () => {
  it('names cameras and a moment, and reads them back', () => {
    const detail = formatPlaybackDetail({ cameraIds: ['demo-parvis', 'demo-entrepot'], at: 1_767_225_600_000 })
    expect(detail).toBe('cameras=demo-parvis,demo-entrepot&at=1767225600000')
    expect(parsePlaybackDetail(detail)).toEqual({ cameraIds: ['demo-parvis', 'demo-entrepot'], at: 1_767_225_600_000 })
  })

  it('keeps what makes sense of a hand-made address', () => {
    expect(parsePlaybackDetail(null)).toBeNull()
    expect(parsePlaybackDetail('nothing=here')).toBeNull()
    expect(parsePlaybackDetail('cameras=a,B!,a,b,c,d,e&at=12x')).toEqual({ cameraIds: ['a', 'b', 'c', 'd'], at: null })
    expect(parsePlaybackDetail('at=42')).toEqual({ cameraIds: [], at: 42 })
  })

  it('leads from an alert to its camera, five seconds before it', () => {
    const href = alertPlaybackHref('demo-parvis', 1_767_225_605_000)
    expect(href.startsWith('#/playback/')).toBe(true)
    expect(parsePlaybackDetail(decodeURIComponent(href.slice('#/playback/'.length)))).toEqual({ cameraIds: ['demo-parvis'], at: 1_767_225_600_000 })
  })
})

describe('date and time fields', () => {
  it('writes a moment as the field wants it, to the second, in local time', () => {
    const moment = new Date(2026, 2, 14, 9, 5, 7, 450).getTime()
    expect(toLocalInputValue(moment)).toBe('2026-03-14T09:05:07')
    expect(fromLocalInputValue('2026-03-14T09:05:07')).toBe(new Date(2026, 2, 14, 9, 5, 7).getTime())
    expect(fromLocalInputValue('2026-03-14T09:05')).toBe(new Date(2026, 2, 14, 9, 5, 0).getTime())
  })

  it('refuses what is not a real moment', () => {
    expect(fromLocalInputValue('')).toBeNull()
    expect(fromLocalInputValue('14/03/2026 09:05')).toBeNull()
    expect(fromLocalInputValue('2026-02-31T10:00:00')).toBeNull()
    expect(fromLocalInputValue('2026-03-14T25:00:00')).toBeNull()
  })
})

describe('recording settings', () => {
  it('reads sizes typed in Go, with a comma or a point', () => {
    expect(parseDecimal('')).toBeNull()
    expect(parseDecimal(' 1,5 ')).toBe(1.5)
    expect(parseDecimal('2.25')).toBe(2.25)
    expect(parseDecimal('1 000')).toBe(1000)
    expect(parseDecimal('-1')).toBeNaN()
    expect(parseDecimal('deux')).toBeNaN()
    expect(bytesToGbText(1.5 * BYTES_PER_GB, ',')).toBe('1,5')
    expect(bytesToGbText(null)).toBe('')
  })

  it('keeps retention within the law’s month (CSI L252-5)', () => {
    const values = { enabled: true, retentionDays: '30', quotaGb: '' }
    expect(toRecordingPolicy(values)).toEqual({ ok: true, policy: { enabled: true, retentionDays: 30, quotaBytes: null } })
    expect(toRecordingPolicy({ ...values, retentionDays: '31' })).toEqual({ ok: false, problem: 'retention' })
    expect(toRecordingPolicy({ ...values, retentionDays: '0' })).toEqual({ ok: false, problem: 'retention' })
    expect(toRecordingPolicy({ ...values, retentionDays: '7,5' })).toEqual({ ok: false, problem: 'retention' })
    // A rule pack may lower the ceiling, never raise it.
    expect(toRecordingPolicy({ ...values, retentionDays: '20' }, 15)).toEqual({ ok: false, problem: 'retention' })
    expect(toRecordingPolicy({ ...values, retentionDays: '20' }, 90)).toMatchObject({ ok: true })
  })

  it('turns an optional quota into bytes', () => {
    const result = toRecordingPolicy({ enabled: false, retentionDays: '7', quotaGb: '2,5' })
    expect(result).toEqual({ ok: true, policy: { enabled: false, retentionDays: 7, quotaBytes: 2.5 * BYTES_PER_GB } })
    expect(toRecordingPolicy({ enabled: true, retentionDays: '7', quotaGb: '0' })).toEqual({ ok: false, problem: 'quota' })
    const policy = { enabled: true, retentionDays: 12, quotaBytes: 3 * BYTES_PER_GB }
    const roundTrip = toRecordingPolicy(recordingFormFrom(policy))
    expect(roundTrip.ok && samePolicy(roundTrip.policy, policy)).toBe(true)
  })

  it('checks the storage limits', () => {
    expect(toRecordingStorage({ totalQuotaGb: '', minFreeGb: '2' })).toEqual({ ok: true, storage: { totalQuotaBytes: null, minFreeBytes: 2 * BYTES_PER_GB } })
    expect(toRecordingStorage({ totalQuotaGb: '500', minFreeGb: '' })).toEqual({ ok: true, storage: { totalQuotaBytes: 500 * BYTES_PER_GB, minFreeBytes: 0 } })
    expect(toRecordingStorage({ totalQuotaGb: '0', minFreeGb: '2' })).toEqual({ ok: false, problem: 'total' })
    expect(toRecordingStorage({ totalQuotaGb: '', minFreeGb: 'x' })).toEqual({ ok: false, problem: 'free' })
  })
})

describe('form limits read from the contract', () => {
  it('match the core’s schemas', () => {
    expect(HOLD_REFERENCE).toEqual({ min: 3, max: 120 })
    expect(HOLD_REASON.min).toBe(10)
    expect(RELEASE_REASON.min).toBe(10)
    expect(LIFT_MINUTES).toEqual({ min: 5, max: 240 })
    expect(withinLength('  ab  ', HOLD_REFERENCE)).toBe(false)
    expect(withinLength('REQ', HOLD_REFERENCE)).toBe(true)
  })
})

describe('mask lifts', () => {
  it('lets an active lift lapse at its end, on screen too', () => {
    const active = lift(1, { state: 'active', approvedBy: 'dpo', approvedAt: NOW - 60_000, until: NOW + 60_000 })
    expect(liftStateAt(active, NOW)).toBe('active')
    expect(liftStateAt(active, NOW + 60_000)).toBe('expired')
    expect(liftStateAt(lift(2), NOW + 1e9)).toBe('pending')
  })

  it('finds the lift in force on a camera, the one lasting longest', () => {
    const lifts = [
      lift(1, { state: 'active', until: NOW + 60_000 }),
      lift(2, { state: 'active', until: NOW + 600_000 }),
      lift(3, { state: 'active', until: NOW + 900_000, cameraId: 'demo-entrepot' }),
      lift(4)
    ]
    expect(activeLift(lifts, 'demo-parvis', NOW)?.id).toBe(2)
    expect(activeLift(lifts, 'demo-parvis', NOW + 700_000)).toBeNull()
    expect(liftKey(lifts, 'demo-parvis', NOW)).toBe(`2:${NOW + 600_000}`)
    expect(liftKey(lifts, 'demo-quai', NOW)).toBe('none')
  })

  it('asks another person to approve: never the one who asked', () => {
    expect(approvalBlock(lift(1), 'superviseur', NOW)).toBe('own-request')
    expect(approvalBlock(lift(1), 'dpo', NOW)).toBeNull()
    expect(approvalBlock(lift(1, { state: 'ended' }), 'dpo', NOW)).toBe('not-pending')
  })

  it('keeps each lift once, newest request first', () => {
    const lifts = [lift(1), lift(2)].reduce(upsertLift, [] as MaskLift[])
    expect(lifts.map((l) => l.id)).toEqual([2, 1])
    const updated = upsertLift(lifts, lift(1, { state: 'active' }))
    expect(updated.map((l) => [l.id, l.state])).toEqual([
      [2, 'pending'],
      [1, 'active']
    ])
  })
})

describe('playback keys', () => {
  const plain = { shift: false, ctrl: false, alt: false, meta: false, repeat: false }
  it('maps the shortcuts shown on screen', () => {
    expect(playbackKeyAction(' ', plain)).toEqual({ kind: 'toggle' })
    expect(playbackKeyAction('ArrowLeft', plain)).toEqual({ kind: 'step', direction: -1 })
    expect(playbackKeyAction('ArrowRight', { ...plain, shift: true })).toEqual({ kind: 'jump', deltaMs: 10_000 })
    expect(playbackKeyAction('4', plain)).toEqual({ kind: 'speed', speed: 4 })
    expect(playbackKeyAction('3', plain)).toBeNull()
    expect(playbackKeyAction('ArrowLeft', { ...plain, ctrl: true })).toBeNull()
    // Held down: frames keep stepping, play/pause does not flicker.
    expect(playbackKeyAction('ArrowRight', { ...plain, repeat: true })).toEqual({ kind: 'step', direction: 1 })
    expect(playbackKeyAction(' ', { ...plain, repeat: true })).toBeNull()
  })
})

describe('playback stores', () => {
  it('keeps four cameras at most, and one of them active', () => {
    const view = createPlaybackViewStore()
    for (const id of ['a', 'b', 'c', 'd', 'e']) view.getState().toggleCamera(id)
    expect(view.getState()).toMatchObject({ cameraIds: ['a', 'b', 'c', 'd'], activeCameraId: 'a' })
    view.getState().setActive('c')
    view.getState().toggleCamera('c')
    expect(view.getState()).toMatchObject({ cameraIds: ['a', 'b', 'd'], activeCameraId: 'a' })
    view.getState().setCameras(['x', 'x', 'y'])
    expect(view.getState()).toMatchObject({ cameraIds: ['x', 'y'], activeCameraId: 'x' })
    view.getState().setActive('nope')
    expect(view.getState().activeCameraId).toBe('x')
  })

  it('lists legal holds and puts placements and releases in the list', async () => {
    const { client } = fakeClient({
      'holds.list': () => [hold(1), hold(2)],
      'holds.place': (input) => hold(3, { from: input.from, to: input.to, reference: input.reference }),
      'holds.release': ({ holdId }) => hold(holdId, { releasedBy: 'dpo', releasedAt: NOW + 10 })
    })
    const store = createHoldsStore(client)
    await store.getState().load()
    expect(store.getState().holds.map((h) => h.id)).toEqual([2, 1])
    await store.getState().place({ cameraId: 'demo-parvis', from: 1, to: 2, reference: 'REQ-3', reason: 'Motif assez long' })
    await store.getState().release(1, 'Procédure classée sans suite')
    expect(store.getState().holds.map((h) => [h.id, h.releasedAt !== null])).toEqual([
      [3, false],
      [2, false],
      [1, true]
    ])
    expect(store.getState().version).toBe(2)
  })

  it('follows lifts live, and keeps a change heard while the list travels', async () => {
    let answer: (lifts: MaskLift[]) => void = () => undefined
    const { client, emit } = fakeClient({
      'masks.lifts': () => new Promise<MaskLift[]>((resolve) => (answer = resolve)),
      'masks.approveLift': ({ liftId }) => lift(liftId, { state: 'active', approvedBy: 'dpo', until: NOW + 1 })
    })
    const store = createMaskLiftsStore(client)
    const stop = store.getState().listen()
    const loading = store.getState().load()
    emit('masks.onDidChangeLift', lift(1, { state: 'ended' }))
    answer([lift(1), lift(2)])
    await loading
    expect(store.getState().lifts.map((l) => [l.id, l.state])).toEqual([
      [2, 'pending'],
      [1, 'ended']
    ])
    await store.getState().approve(2)
    expect(store.getState().lifts[0]).toMatchObject({ id: 2, state: 'active' })
    stop()
    emit('masks.onDidChangeLift', lift(3))
    expect(store.getState().lifts).toHaveLength(2)
  })

  it('keeps the latest storage alarm until dismissed', () => {
    const { client, emit } = fakeClient({})
    const store = createRecordingStore(client)
    store.getState().listen()
    emit('recording.onDidAlarm', { at: 2, kind: 'disk-low', cameraId: null, message: 'Disque presque plein' })
    emit('recording.onDidAlarm', { at: 1, kind: 'quota-reached', cameraId: 'demo-parvis', message: 'ancienne' })
    expect(store.getState().alarm?.kind).toBe('disk-low')
    store.getState().dismissAlarm()
    expect(store.getState().alarm).toBeNull()
  })
})
