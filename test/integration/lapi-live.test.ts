import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AnalyticsEvent } from '../../electron/shared/analytics-events'
import type { SceneInput } from '../../electron/shared/scene'
import { decodeJpeg } from '../../electron/core/analytics/frame/snapshot-jpeg'
import { unlockThroughDossier } from '../fixtures/compliance-flow'
import { repoRoot, waitFor } from '../fixtures/core-harness'
import { refusal, startTestSite, type TestSite } from '../fixtures/test-site'

/** A slow zoom onto the rear of a parked car whose (Czech) plate reads 5AU5341 in every frame. */
const PARKED_CAR = join(repoRoot, 'resources/media/derived/fastalpr_test_image_zoom.mp4')
const PLATE = '5AU5341'

const sceneWith = (kind: 'plate-watchlist' | 'parking-control'): SceneInput => ({
  rules: [{ id: 'lecture', name: 'Lecture des plaques', kind, priority: 'high', minConfidence: 0.8, minReads: 2 }]
})

/**
 * Plate reading on a live camera through the real core: ffmpeg decoding, the object detector for
 * vehicle tracks, the plate detector and OCR in their worker, the vote per vehicle, the register's
 * check against hashed lists, and the alert in the review queue, linked from the read log.
 */
describe('LAPI on a live camera', () => {
  let site: TestSite

  afterEach(async () => {
    await site.close()
  })

  /** One camera on the parked car asking for `moduleId`, its plate rule saved, and an operator listening for events. */
  async function startPlateSite(cameraId: string, moduleId: 'lapi-securite' | 'lapi-stationnement', deployer: 'police-nationale' | 'commune', kind: 'plate-watchlist' | 'parking-control') {
    site = await startTestSite({
      cameras: [{ id: cameraId, name: 'Caméra de lecture', source: PARKED_CAR, group: 'centre', analytics: [moduleId] }],
      organisation: { name: deployer === 'commune' ? 'Commune de Belvédère' : 'Commissariat central', deployer },
      core: { detectorThreads: 1, recording: false }
    })
    const [alice, bruno, olga] = await Promise.all([site.connect('alice'), site.connect('bruno'), site.connect('olga')])
    const pushed: AnalyticsEvent[] = []
    olga.on('events.onDidRaise', (event) => pushed.push(event))
    await alice.call('analytics.saveScene', { cameraId, scene: sceneWith(kind) })
    return { alice, bruno, olga, pushed }
  }

  it('raises a watch-list hit for the State services, with the plate on the snapshot and the hit linked to its alert', async () => {
    const { alice, bruno, olga, pushed } = await startPlateSite('peage', 'lapi-securite', 'police-nationale', 'plate-watchlist')
    // The list first: a vehicle is checked once, against the lists of that moment.
    await alice.call('lapi.importHotlist', { name: 'Véhicules volés', moduleId: 'lapi-securite', reason: 'Diffusion du 29/11 de la direction départementale', text: `AB-123-CD\n${PLATE}` })
    await unlockThroughDossier(alice, [alice, bruno], 'lapi-securite')

    const hit = await waitFor(() => pushed.find((event) => event.kind === 'plate-hit'), 'a watch-list hit', 120_000)
    expect(hit).toMatchObject({ cameraId: 'peage', ruleKind: 'plate-watchlist', moduleId: 'lapi-securite', priority: 'high', alert: true, hasSnapshot: true })
    expect(hit.details).toMatchObject({ plate: PLATE, list: 'Véhicules volés', format: 'foreign' })
    expect(Number(hit.details.confidence)).toBeGreaterThanOrEqual(0.8)
    expect(Number(hit.details.reads)).toBeGreaterThanOrEqual(2)
    expect(hit.model.id).toBe('lpd-yunet+cct-xs-v2-global')

    // The plate box lies on the car's plate: centred at (0.67, 0.60) of the first frame, the zoom brings it towards the middle.
    const [plateBox] = hit.boxes
    const centre = { x: (plateBox.x1 + plateBox.x2) / 2, y: (plateBox.y1 + plateBox.y2) / 2 }
    expect(centre.x).toBeGreaterThan(0.45)
    expect(centre.x).toBeLessThan(0.72)
    expect(centre.y).toBeGreaterThan(0.45)
    expect(centre.y).toBeLessThan(0.65)
    expect(plateBox.x2 - plateBox.x1).toBeLessThan(0.45)
    const snapshot = await olga.call('events.snapshot', { eventId: hit.id })
    expect(decodeJpeg(Buffer.from(snapshot.base64, 'base64')).width).toBe(snapshot.width)

    // The hit waits in the review queue for a person; the read log links back to it.
    const { alerts } = await olga.call('alerts.list', { states: ['new'] })
    expect(alerts.map((alert) => alert.id)).toContain(hit.id)
    const reads = await alice.call('lapi.reads', {})
    expect(reads.hits[0]).toMatchObject({ cameraId: 'peage', plate: PLATE, hotlistName: 'Véhicules volés', eventId: hit.id })
    // One check per vehicle: the car stays in view, and its plate is not flagged again.
    expect(pushed.filter((event) => event.kind === 'plate-hit')).toHaveLength(1)

    // Confirmed by the operator, the hit stays in the read log, for its month.
    await olga.call('alerts.claim', { eventId: hit.id })
    await olga.call('alerts.decide', { eventIds: [hit.id], decision: 'confirmed' })
    expect((await alice.call('lapi.reads', {})).hits).toHaveLength(1)
  })

  it('flags a parked car missing from the parking-rights list for an agent to check', async () => {
    const { alice, bruno, olga, pushed } = await startPlateSite('marche', 'lapi-stationnement', 'commune', 'parking-control')
    await alice.call('lapi.importHotlist', { name: 'Paiements horodateurs', moduleId: 'lapi-stationnement', reason: 'Export horaire des horodateurs, contrôle FPS', text: 'AB-123-CD\nEF-456-GH' })
    await unlockThroughDossier(alice, [alice, bruno], 'lapi-stationnement')

    const unpaid = await waitFor(() => pushed.find((event) => event.kind === 'parking-unpaid'), 'a parking check', 120_000)
    expect(unpaid).toMatchObject({ cameraId: 'marche', ruleKind: 'parking-control', moduleId: 'lapi-stationnement' })
    expect(unpaid.details).toMatchObject({ plate: PLATE, list: 'Paiements horodateurs' })
    // Parking keeps no unmatched read: only the flagged plate, for the agent.
    expect(await alice.call('lapi.reads', {})).toMatchObject({ unmatchedKept: 0, hits: [{ plate: PLATE, eventId: unpaid.id }] })

    // The agent finds the car in order (paid by phone): the plate leaves the read log, the alert keeps
    // its decision but neither the plate nor the image.
    await olga.call('alerts.claim', { eventId: unpaid.id })
    const [decided] = await olga.call('alerts.decide', { eventIds: [unpaid.id], decision: 'false_alarm', reason: 'other', note: 'Payé par téléphone' })
    expect(decided).toMatchObject({ state: 'false_alarm', hasSnapshot: false, boxes: [] })
    expect(decided.details.plate).toBeUndefined()
    expect(decided.details).toMatchObject({ list: 'Paiements horodateurs' })
    expect((await alice.call('lapi.reads', {})).hits).toEqual([])
    expect((await refusal(olga.call('events.snapshot', { eventId: unpaid.id }))).code).toBe('NOT_FOUND')
  })
})
