import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RpcError } from '../../electron/shared/result'
import { makeH264Clip } from '../fixtures/make-clip'
import { waitFor } from '../fixtures/core-harness'
import { startTestSite, type Person, type TestSite } from '../fixtures/test-site'

/** Playback through the real core: the recording played from a moment, masks on unless lifted for the two people concerned, every viewing audited. */
describe('playback over the API', () => {
  let site: TestSite
  const connect = (person: Person) => site.connect(person)

  /** Opens the media of a playback URL as the media socket would, and waits for its first fragment. */
  const firstFragment = async (url: string): Promise<{ keyframe: boolean; close: () => void }> => {
    const [, cameraId, ticket] = /^media:\/\/([^/]+)\/(.+)$/u.exec(url) ?? []
    const media = await site.harness.core.openMedia(cameraId, ticket, () => undefined)
    if (!media) throw new Error('ticket refused')
    let fragment: { keyframe: boolean } | null = null
    const unsubscribe = media.stream.subscribe({
      onMessage: (message) => {
        if (message.type === 'fragment' && fragment === null) fragment = { keyframe: message.keyframe }
      },
      bufferedAmount: () => 0
    })
    await waitFor(() => fragment, 'the first fragment of the playback', 20_000)
    return {
      keyframe: (fragment as unknown as { keyframe: boolean }).keyframe,
      close: () => {
        unsubscribe()
        media.onClose()
      }
    }
  }

  beforeEach(async () => {
    site = await startTestSite({ cameras: [{ id: 'quai', name: 'Quai', source: await makeH264Clip(), group: 'centre' }], organisation: { name: 'Ville', deployer: 'commune' } })
    site.harness.core.setMediaUrl((cameraId, ticket) => `media://${cameraId}/${ticket}`)
  })

  afterEach(async () => {
    await site.close()
  })

  it('plays from a recorded moment within a second of it, masked, and audits who watched what', async () => {
    const alice = await connect('alice')
    await alice.call('analytics.saveScene', {
      cameraId: 'quai',
      scene: { masks: [{ id: 'fenetre', name: 'Fenêtre', polygon: [{ x: 0, y: 0 }, { x: 0.3, y: 0 }, { x: 0.3, y: 0.3 }] }] }
    })
    const olga = await connect('olga')
    const since = Date.now()
    const recorded = async () => {
      const { spans } = await olga.call('playback.timeline', { cameraId: 'quai', from: since - 60_000, to: Date.now() + 60_000 })
      return spans.length > 0 && spans[0].end - spans[0].start >= 6_000 ? spans[0] : null
    }
    const span = await waitFor(recorded, 'six seconds of recording', 60_000)
    const at = span.start + 3_500
    const playback = await olga.call('playback.open', { cameraId: 'quai', at, speed: 1 })
    expect(playback.masked).toBe(true)
    expect(Math.abs(playback.start - at)).toBeLessThanOrEqual(1_000)
    const media = await firstFragment(playback.url)
    expect(media.keyframe).toBe(true)
    media.close()

    // Before the first recording it starts at the first recording; after the last one there is nothing to play.
    expect((await olga.call('playback.open', { cameraId: 'quai', at: since - 3_600_000, speed: 1 })).start).toBeGreaterThanOrEqual(span.start)
    await expect(olga.call('playback.open', { cameraId: 'quai', at: Date.now() + 3_600_000, speed: 1 })).rejects.toBeInstanceOf(RpcError)
    const views = (await alice.call('audit.query', { action: 'playback.view', actor: 'olga' })).entries
    expect(views.map((entry) => entry.details.phase)).toEqual(expect.arrayContaining(['start', 'end']))
    expect(views[0]).toMatchObject({ cameraId: 'quai', details: { from: playback.start, masked: true } })
  }, 90_000)

  it('shows the masked areas only to the person whose lift was approved by another', async () => {
    const alice = await connect('alice')
    const bruno = await connect('bruno')
    const olga = await connect('olga')
    await alice.call('analytics.saveScene', {
      cameraId: 'quai',
      scene: { masks: [{ id: 'fenetre', name: 'Fenêtre', polygon: [{ x: 0, y: 0 }, { x: 0.3, y: 0 }, { x: 0.3, y: 0.3 }] }] }
    })
    const since = Date.now()
    const span = await waitFor(async () => {
      const { spans } = await olga.call('playback.timeline', { cameraId: 'quai', from: since - 60_000, to: Date.now() + 60_000 })
      return spans.length > 0 && spans[0].end - spans[0].start >= 3_000 ? spans[0] : null
    }, 'some recording', 60_000)
    const lift = await alice.call('masks.requestLift', { cameraId: 'quai', reference: 'PV 2026/00421', reason: 'Identifier le véhicule en fuite', minutes: 15 })
    expect((await alice.call('playback.open', { cameraId: 'quai', at: span.start + 1000, speed: 1 })).masked).toBe(true)
    await bruno.call('masks.approveLift', { liftId: lift.id })
    expect((await alice.call('playback.open', { cameraId: 'quai', at: span.start + 1000, speed: 1 })).masked).toBe(false)
    expect((await olga.call('playback.open', { cameraId: 'quai', at: span.start + 1000, speed: 1 })).masked).toBe(true)
  }, 90_000)
})
