import { spawnSync } from 'node:child_process'
import { appendFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AnalyticsEvent, AnalyticsOverlay } from '../../electron/shared/analytics-events'
import type { SceneInput } from '../../electron/shared/scene'
import { decodeJpeg } from '../../electron/core/analytics/frame/snapshot-jpeg'
import { unlockThroughDossier } from '../fixtures/compliance-flow'
import { installPackWithConfirmedExperiment } from '../fixtures/rule-packs'
import { ffmpegForTests } from '../fixtures/make-clip'
import { runVigieCli } from '../e2e/fixtures/vigie-host'
import { repoRoot, waitFor } from '../fixtures/core-harness'
import { startTestSite, type Person, type TestSite } from '../fixtures/test-site'

/** The brightest channel value inside the top-left corner (a fraction of each side), edges left aside. */
function brightestIn(image: { width: number; height: number; data: Uint8Array }, fraction: number): number {
  let brightest = 0
  for (let y = 2; y < Math.floor(image.height * fraction) - 2; y++) {
    for (let x = 2; x < Math.floor(image.width * fraction) - 2; x++) {
      const offset = (y * image.width + x) * 3
      brightest = Math.max(brightest, image.data[offset], image.data[offset + 1], image.data[offset + 2])
    }
  }
  return brightest
}

/** The first frame of a video file, decoded to RGB by ffmpeg. */
function firstFrame(path: string): { width: number; height: number; data: Uint8Array } {
  const probe = spawnSync(ffmpegForTests(), ['-hide_banner', '-i', path], { encoding: 'utf8' })
  const [, width, height] = /, (\d{2,5})x(\d{2,5})/u.exec(probe.stderr) ?? []
  const raw = spawnSync(ffmpegForTests(), ['-v', 'error', '-i', path, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 64 * 1024 * 1024 })
  return { width: Number(width), height: Number(height), data: new Uint8Array(raw.stdout) }
}

/** The warehouse clip: a worker walks across the floor, through the zone drawn on its right half. */
const WAREHOUSE = join(repoRoot, 'resources/media/derived/intel_worker-zone-detection.mp4')

const SCENE: SceneInput = {
  zones: [{ id: 'allee', name: 'Allée', polygon: [{ x: 0, y: 0.3 }, { x: 1, y: 0.3 }, { x: 1, y: 1 }, { x: 0, y: 1 }] }],
  masks: [{ id: 'voisin', name: 'Fenêtre voisine', polygon: [{ x: 0, y: 0 }, { x: 0.25, y: 0 }, { x: 0.25, y: 0.25 }, { x: 0, y: 0.25 }] }],
  rules: [{ id: 'intrusion-allee', name: 'Intrusion dans l’allée', kind: 'intrusion', zoneId: 'allee', priority: 'high' }]
}

/**
 * The whole chain on a live camera, through the real core: the lock unlocked by its dossier, a scene
 * saved over the API, ffmpeg decoding, the ONNX detector in its worker, the tracker, the rules, the
 * event stored in SQLite with its masked snapshot, and pushed to a screen.
 */
describe('analytics on a live camera', () => {
  let site: TestSite
  const connect = (person: Person) => site.connect(person)

  beforeEach(async () => {
    site = await startTestSite({ cameras: [{ id: 'entrepot', name: 'Entrepôt', source: WAREHOUSE, group: 'centre', analytics: ['detection-intrusion'] }], organisation: { name: 'Préfecture de police', deployer: 'police-nationale' }, core: { detectorThreads: 1 }, prepare: installPackWithConfirmedExperiment })
  })

  afterEach(async () => {
    await site.close()
  })

  it('raises an intrusion with a masked snapshot, stores it and pushes it to the operator', async () => {
    const alice = await connect('alice')
    const bruno = await connect('bruno')
    const olga = await connect('olga')
    const pushed: AnalyticsEvent[] = []
    const overlays: AnalyticsOverlay[] = []
    olga.on('events.onDidRaise', (event) => pushed.push(event))
    olga.on('analytics.onDidUpdateOverlay', (overlay) => overlays.push(overlay))

    await alice.call('analytics.saveScene', { cameraId: 'entrepot', scene: SCENE })
    await unlockThroughDossier(alice, [alice, bruno], 'detection-intrusion')

    await waitFor(() => pushed.find((event) => event.kind === 'intrusion'), 'an intrusion event', 90_000)
    const event = pushed.find((candidate) => candidate.kind === 'intrusion') as AnalyticsEvent
    expect(event).toMatchObject({ cameraId: 'entrepot', ruleId: 'intrusion-allee', moduleId: 'detection-intrusion', priority: 'high', alert: true, hasSnapshot: true })
    expect(event.model.id).toBe('nanodet-plus-416')
    expect(event.details).toMatchObject({ zone: 'allee', class: 'person' })
    expect(event.boxes[0].y2).toBeGreaterThan(0.3)
    expect(event.recordedAt - event.at).toBeLessThan(5_000)
    expect(overlays.some((overlay) => overlay.cameraId === 'entrepot' && overlay.tracks.some((track) => track.group === 'person'))).toBe(true)

    const { events } = await olga.call('events.list', { cameraId: 'entrepot' })
    expect(events.map((stored) => stored.id)).toContain(event.id)

    const snapshot = await olga.call('events.snapshot', { eventId: event.id })
    const image = decodeJpeg(Buffer.from(snapshot.base64, 'base64'))
    expect([image.width, image.height]).toEqual([snapshot.width, snapshot.height])
    // The masked corner is black in the stored image, whatever the camera saw there.
    expect(brightestIn(image, 0.25)).toBeLessThan(24)

    // It waits in the review queue until a person decides; the decision is on the record.
    const [queued] = (await olga.call('alerts.list', { states: ['new'], cameraId: 'entrepot' })).alerts.filter((alert) => alert.id === event.id)
    expect(queued).toMatchObject({ state: 'new', kind: 'intrusion' })
    await olga.call('alerts.claim', { eventId: event.id })
    const [decided] = await olga.call('alerts.decide', { eventIds: [event.id], decision: 'confirmed', note: 'Agent vu en direct' })
    expect(decided).toMatchObject({ state: 'confirmed', decidedBy: 'olga' })
    expect((await alice.call('audit.query', { action: 'alert.decision' })).entries[0]).toMatchObject({ actor: 'olga', target: String(event.id) })

    // A supervisor exports the evidence: clip with the mask burned in, snapshot, record, signed manifest.
    // The clip comes from the recording: wait until some of the alert's ±10 s is recorded (a loaded machine may lag).
    await waitFor(async () => {
      const { spans } = await alice.call('playback.timeline', { cameraId: 'entrepot', from: event.at - 60_000, to: event.at + 60_000 })
      return spans.some((span) => span.start < event.at + 8_000 && span.end >= event.at + 2_000)
    }, 'the recording around the alert', 30_000)
    await expect(olga.call('alerts.export', { eventId: event.id, reason: 'Réquisition PV 2026/00421' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const exported = await alice.call('alerts.export', { eventId: event.id, reason: 'Réquisition PV 2026/00421' })
    // On failure, alert.json says why the clip is missing.
    const record = await readFile(join(exported.folder, 'alert.json'), 'utf8')
    expect(exported.files.map((file) => file.name).sort(), record).toEqual(['alert.json', 'clip.mp4', 'snapshot.jpg'])
    expect(runVigieCli(['evidence', 'verify', exported.folder, '--data', site.dataDir]).status).toBe(0)
    const frame = firstFrame(join(exported.folder, 'clip.mp4'))
    expect(brightestIn(frame, 0.25)).toBeLessThan(24)
    await appendFile(join(exported.folder, 'snapshot.jpg'), Buffer.from([0]))
    const tampered = runVigieCli(['evidence', 'verify', exported.folder, '--data', site.dataDir])
    expect(tampered.status).toBe(1)
    expect(tampered.stdout).toMatch(/snapshot\.jpg/)

    // The change to the scene is on the record.
    const audit = await alice.call('audit.query', { action: 'scene.update' })
    expect(audit.entries[0]).toMatchObject({ actor: 'alice', cameraId: 'entrepot' })
  }, 120_000)

  it('refuses a scene from an operator and a rule whose zone does not exist', async () => {
    const olga = await connect('olga')
    const alice = await connect('alice')
    await expect(olga.call('analytics.saveScene', { cameraId: 'entrepot', scene: SCENE })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const broken = { ...SCENE, rules: [{ id: 'r', name: 'R', kind: 'intrusion' as const, zoneId: 'nulle-part' }] }
    await expect(alice.call('analytics.saveScene', { cameraId: 'entrepot', scene: broken })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/zone « nulle-part » inconnue/)
    })
    expect((await alice.call('analytics.getScene', { cameraId: 'entrepot' })).rules).toEqual([])
  })
})
