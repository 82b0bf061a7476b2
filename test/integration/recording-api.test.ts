import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MaskLift } from '../../electron/shared/recording'
import { makeH264Clip } from '../fixtures/make-clip'
import { refusal, startTestSite, type Person, type TestSite } from '../fixtures/test-site'
import { waitFor } from '../fixtures/core-harness'

/** Recording through the API of a real core: it records, holds are audited, a mask lift needs two people. */
describe('recording, holds and mask lifts over the API', () => {
  let site: TestSite
  const connect = (person: Person) => site.connect(person)

  beforeEach(async () => {
    site = await startTestSite({ cameras: [{ id: 'quai', name: 'Quai', source: await makeH264Clip(), group: 'centre' }], organisation: { name: 'Ville', deployer: 'commune' } })
  })

  afterEach(async () => {
    await site.close()
  })

  it('records every enabled camera and shows what is recorded on the timeline', async () => {
    const olga = await connect('olga')
    await waitFor(async () => (await olga.call('recording.status', {}))[0]?.state === 'recording', 'the camera to record', 20_000)
    const since = Date.now() - 60_000
    await waitFor(async () => (await olga.call('playback.timeline', { cameraId: 'quai', from: since, to: Date.now() + 60_000 })).spans.length > 0, 'a recorded span', 60_000)
    const admin = await connect('admin')
    await refusal(admin.call('recording.setPolicy', { cameraId: 'quai', policy: { enabled: true, retentionDays: 31, quotaBytes: null } }))
    expect((await admin.call('recording.setPolicy', { cameraId: 'quai', policy: { enabled: false, retentionDays: 15, quotaBytes: null } })).retentionDays).toBe(15)
    await waitFor(async () => (await olga.call('recording.status', {}))[0]?.state === 'disabled', 'recording to stop', 10_000)
  }, 90_000)

  it('lets a supervisor place and release a legal hold, on the record', async () => {
    const alice = await connect('alice')
    const olga = await connect('olga')
    expect((await refusal(olga.call('holds.place', { cameraId: 'quai', from: 1, to: 2, reference: 'PV 1', reason: 'Une raison suffisante' }))).code).toBe('FORBIDDEN')
    const hold = await alice.call('holds.place', { cameraId: 'quai', from: Date.now() - 3_600_000, to: Date.now(), reference: 'PV 2026/00421', reason: 'Réquisition judiciaire du 29/11' })
    expect((await alice.call('holds.list', {})).map((h) => h.id)).toEqual([hold.id])
    expect((await refusal(olga.call('holds.list', {}))).code).toBe('FORBIDDEN')
    const released = await alice.call('holds.release', { holdId: hold.id, reason: 'Copie remise, réquisition close' })
    expect(released).toMatchObject({ releasedBy: 'alice' })
    await refusal(alice.call('holds.release', { holdId: hold.id, reason: 'Une deuxième fois' }))
    const audit = await alice.call('audit.query', { cameraId: 'quai' })
    expect(audit.entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['recording.hold', 'recording.release']))
  })

  it('lifts masks only with a second person’s approval, for a limited time', async () => {
    const alice = await connect('alice')
    const bruno = await connect('bruno')
    const olga = await connect('olga')
    const changes: MaskLift[] = []
    olga.on('masks.onDidChangeLift', (lift) => changes.push(lift))
    expect((await refusal(olga.call('masks.requestLift', { cameraId: 'quai', reference: 'PV 1', reason: 'Identifier un véhicule', minutes: 30 }))).code).toBe('FORBIDDEN')
    const asked = await alice.call('masks.requestLift', { cameraId: 'quai', reference: 'PV 2026/00421', reason: 'Identifier le véhicule en fuite', minutes: 30 })
    expect(asked.state).toBe('pending')
    expect((await refusal(alice.call('masks.approveLift', { liftId: asked.id }))).code).toBe('FORBIDDEN')
    const approved = await bruno.call('masks.approveLift', { liftId: asked.id })
    expect(approved).toMatchObject({ state: 'active', approvedBy: 'bruno' })
    expect((approved.until ?? 0) - (approved.approvedAt ?? 0)).toBe(30 * 60_000)
    await waitFor(() => changes.some((lift) => lift.state === 'active'), 'the operator’s screen to hear of it', 5_000)
    expect((await alice.call('masks.endLift', { liftId: asked.id })).state).toBe('ended')
    const audit = await bruno.call('audit.query', { cameraId: 'quai' })
    expect(audit.entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['mask.lift-request', 'mask.lift-approve', 'mask.lift-end']))
  })
})
