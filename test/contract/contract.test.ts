import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RpcError } from '../../electron/shared/result'
import { startTestCore, waitFor, type CoreHarness } from '../fixtures/core-harness'
import { ALL_TRANSPORTS, type ConnectedClient } from './transports'

async function expectRpcError(promise: Promise<unknown>, code: string): Promise<RpcError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(RpcError)
  expect((error as RpcError).code).toBe(code)
  return error as RpcError
}

const ADMIN_PASSWORD = 'Lanterne-Brume-Quai-1871'
const OPERATOR_PASSWORD = 'Vigie-Du-Soir-Sur-Le-Port'

/** One suite, run over every transport: the contract must behave identically on each. */
describe.each(ALL_TRANSPORTS)('contract over $name', (transport) => {
  let harness: CoreHarness
  let connected: ConnectedClient

  const others: ConnectedClient[] = []
  /** Another screen on the same core, through the same kind of transport. */
  const connectAnother = async (): Promise<ConnectedClient> => {
    const another = await transport.connect(harness.core)
    others.push(another)
    return another
  }

  beforeEach(async () => {
    harness = await startTestCore()
    connected = await transport.connect(harness.core)
    await connected.client.call('setup.createFirstAdmin', {
      organisation: { name: 'Ville de Test', deployer: 'commune' },
      username: 'admin',
      displayName: 'Administratrice',
      password: ADMIN_PASSWORD
    })
  })

  afterEach(async () => {
    for (const another of others.splice(0)) await another.close()
    await connected.close()
    await harness.dispose()
  })

  it('refuses everything but public calls before sign-in', async () => {
    const anonymous = await connectAnother()
    expect((await anonymous.client.call('app.info', {})).product).toBe('Vigie')
    expect(await anonymous.client.call('setup.status', {})).toMatchObject({ needsFirstAdmin: false, organisation: { name: 'Ville de Test' } })
    await expectRpcError(anonymous.client.call('cameras.list', {}), 'UNAUTHENTICATED')
    await expectRpcError(anonymous.client.call('users.list', {}), 'UNAUTHENTICATED')
    // The first-run call is closed for good once an administrator exists.
    await expectRpcError(
      anonymous.client.call('setup.createFirstAdmin', {
        organisation: { name: 'Intrus', deployer: 'commune' },
        username: 'intrus',
        displayName: 'Intrus',
        password: 'Autre-Phrase-Secrete-42'
      }),
      'CONFLICT'
    )
  })

  it('lets an operator do an operator’s job and nothing more, even through forged messages', async () => {
    await connected.client.call('users.create', {
      username: 'opera',
      displayName: 'Opératrice',
      roles: ['operator'],
      groups: ['centre'],
      password: OPERATOR_PASSWORD
    })
    const operator = await connectAnother()
    const session = await operator.client.call('session.login', { username: 'opera', password: OPERATOR_PASSWORD })
    expect(session.permissions).toContain('camera.view')
    expect(session.permissions).not.toContain('account.manage')
    await operator.client.call('cameras.list', {})
    for (const method of ['users.list', 'audit.query', 'audit.verify', 'cameras.remove', 'organisation.update', 'analytics.saveScene']) {
      const answer = await new Promise<unknown>((resolve) => {
        const off = operator.raw.onMessage((message) => {
          off()
          resolve(message)
        })
        operator.raw.send({ kind: 'request', id: 7, method, input: {} })
      })
      expect(answer).toMatchObject({ kind: 'response', id: 7, result: { ok: false, error: { code: 'FORBIDDEN' } } })
    }
  })

  it('refuses a wrong password without saying whether the account exists, then locks the account', async () => {
    const stranger = await connectAnother()
    const unknown = await expectRpcError(stranger.client.call('session.login', { username: 'personne', password: 'x' }), 'UNAUTHENTICATED')
    const wrong = await expectRpcError(stranger.client.call('session.login', { username: 'admin', password: 'x' }), 'UNAUTHENTICATED')
    expect(wrong.message).toBe(unknown.message)
    for (let attempt = 2; attempt <= 5; attempt++) {
      await expectRpcError(stranger.client.call('session.login', { username: 'admin', password: 'x' }), 'UNAUTHENTICATED')
    }
    const locked = await expectRpcError(stranger.client.call('session.login', { username: 'admin', password: ADMIN_PASSWORD }), 'UNAUTHENTICATED')
    expect(locked.message).toMatch(/verrouillé/)
  })

  it('keeps a camera’s scene, validated, and serves events and their images only when they exist', async () => {
    await connected.client.call('cameras.add', { id: 'quai', name: 'Quai', source: 'rtsp://192.0.2.10/flux' })
    expect(await connected.client.call('analytics.getScene', { cameraId: 'quai' })).toEqual({ zones: [], lines: [], masks: [], rules: [] })
    const scene = {
      zones: [{ id: 'quai', name: 'Bord du quai', polygon: [{ x: 0, y: 0.6 }, { x: 1, y: 0.6 }, { x: 1, y: 1 }], groundAreaM2: 40 }],
      lines: [],
      masks: [{ id: 'immeuble', name: 'Façade', polygon: [{ x: 0, y: 0 }, { x: 0.2, y: 0 }, { x: 0.2, y: 0.3 }] }],
      rules: [{ id: 'densite', name: 'Densité', kind: 'crowd-density' as const, zoneId: 'quai', thresholds: { low: 1, high: 3 } }]
    }
    const saved = await connected.client.call('analytics.saveScene', { cameraId: 'quai', scene })
    expect(saved.rules[0]).toMatchObject({ enabled: true, priority: 'normal', hysteresis: 0.2 })
    expect(await connected.client.call('analytics.getScene', { cameraId: 'quai' })).toEqual(saved)
    await expectRpcError(connected.client.call('analytics.getScene', { cameraId: 'inconnue' }), 'NOT_FOUND')
    expect(await connected.client.call('events.list', {})).toEqual({ events: [], nextBefore: null })
    await expectRpcError(connected.client.call('events.snapshot', { eventId: 1 }), 'NOT_FOUND')
  })

  it('switches the installation’s detector, on the record', async () => {
    const choice = await connected.client.call('analytics.detector', {})
    expect(choice.active).toBe('nanodet-plus-416')
    expect(choice.models.map((model) => model.id)).toEqual(['nanodet-plus-416', 'yolox-nano-416', 'fastestdet-352'])
    expect(choice.models.every((model) => model.present)).toBe(true)
    expect((await connected.client.call('analytics.setDetector', { modelId: 'yolox-nano-416' })).active).toBe('yolox-nano-416')
    expect((await connected.client.call('analytics.detector', {})).active).toBe('yolox-nano-416')
    await connected.client.call('users.create', { username: 'sophie', displayName: 'Superviseuse', roles: ['supervisor'], allGroups: true, password: OPERATOR_PASSWORD })
    const supervisor = await connectAnother()
    await supervisor.client.call('session.login', { username: 'sophie', password: OPERATOR_PASSWORD })
    const audit = await supervisor.client.call('audit.query', { action: 'analytics.detector' })
    expect(audit.entries[0]).toMatchObject({ actor: 'admin', target: 'yolox-nano-416', details: { previous: 'nanodet-plus-416' } })
  })

  it('answers a public call with a validated value', async () => {
    const info = await connected.client.call('app.info', {})
    expect(info.product).toBe('Vigie')
    expect(info.version).toBe('0.0.0-test')
    expect(info.demo).toBe(false)
  })

  it('refuses an unknown method with a code, not a stack trace', async () => {
    const result = await new Promise<unknown>((resolve) => {
      const off = connected.raw.onMessage((message) => {
        off()
        resolve(message)
      })
      connected.raw.send({ kind: 'request', id: 99, method: 'cameras.dropTable', input: {} })
    })
    expect(result).toEqual({
      kind: 'response',
      id: 99,
      result: { ok: false, error: { code: 'UNKNOWN_METHOD', message: expect.stringContaining('cameras.dropTable') } }
    })
  })

  it('validates every input in the core and names the unknown key', async () => {
    const error = await expectRpcError(
      // A forged call: the typed client would not let this through, the raw envelope does.
      connected.client.call('cameras.list', { everything: true } as unknown as Record<string, never>),
      'INVALID_INPUT'
    )
    expect(error.message).toContain('everything')
    expect(error.message).not.toMatch(/at .*\.ts:\d+/)
  })

  it('rejects a malformed camera URL with a readable message and stores nothing', async () => {
    const error = await expectRpcError(
      connected.client.call('cameras.add', { id: 'cam-1', name: 'Entrée', source: 'rtsp://' }),
      'INVALID_INPUT'
    )
    expect(error.message.length).toBeGreaterThan(10)
    expect(await connected.client.call('cameras.list', {})).toEqual([])
  })

  it('adds, lists, updates and removes a camera, and tells every screen', async () => {
    const lists: string[][] = []
    connected.client.on('cameras.onDidChangeList', ({ cameras }) => lists.push(cameras.map((c) => c.id)))
    const added = await connected.client.call('cameras.add', {
      id: 'nord',
      name: 'Place Nord',
      source: 'rtsp://agent:s3cret@192.0.2.10:554/stream1',
      enabled: false
    })
    expect(added.source).not.toContain('s3cret')
    expect(added.demo).toBe(false)
    await expectRpcError(connected.client.call('cameras.add', { id: 'nord', name: 'Doublon', source: 'rtsp://192.0.2.11/x' }), 'CONFLICT')

    const updated = await connected.client.call('cameras.update', {
      id: 'nord',
      name: 'Place Nord (mât 2)',
      source: 'rtsp://192.0.2.10:554/stream1',
      enabled: false
    })
    expect(updated.name).toBe('Place Nord (mât 2)')
    expect((await connected.client.call('cameras.list', {})).map((c) => c.name)).toEqual(['Place Nord (mât 2)'])

    await connected.client.call('cameras.remove', { cameraId: 'nord' })
    expect(await connected.client.call('cameras.list', {})).toEqual([])
    await expectRpcError(connected.client.call('cameras.remove', { cameraId: 'nord' }), 'NOT_FOUND')
    await waitFor(() => lists.length >= 3, 'three list events')
    expect(lists.at(-1)).toEqual([])
  })

  it('keeps the stored credentials when an edit leaves the address out', async () => {
    await connected.client.call('cameras.add', { id: 'sud', name: 'Place Sud', source: 'rtsp://agent:s3cret@127.0.0.1:9/flux', enabled: false })
    const infos: boolean[] = []
    connected.client.on('app.onDidChangeInfo', (info) => infos.push(info.demo))
    const edited = await connected.client.call('cameras.update', { id: 'sud', name: 'Place Sud (nord)', enabled: false })
    expect(edited.name).toBe('Place Sud (nord)')
    const file = JSON.parse(await readFile(join(harness.dataDir, 'cameras.json'), 'utf8')) as { cameras: Array<{ source: string }> }
    expect(file.cameras[0].source).toBe('rtsp://agent:s3cret@127.0.0.1:9/flux')
    // A stored camera is tested by its id, with the credentials the screen never saw.
    const probe = await connected.client.call('cameras.probe', { cameraId: 'sud' })
    expect(probe.reachable).toBe(false)
    expect(probe.message).toMatch(/Connexion refusée/)
    await waitFor(() => infos.length > 0, 'an app info event after the edit')
  })

  it('refuses a live stream for an unknown camera', async () => {
    await expectRpcError(connected.client.call('live.open', { cameraId: 'inconnue' }), 'NOT_FOUND')
  })

  it('persists workstation settings through the same schema', async () => {
    const before = await connected.client.call('settings.get', {})
    expect(before.locale).toBe('fr')
    expect(before.wall.tiles).toHaveLength(16)
    const after = await connected.client.call('settings.update', { wall: { layout: '3x3' }, locale: 'en' })
    expect(after.wall.layout).toBe('3x3')
    expect(after.locale).toBe('en')
    expect((await connected.client.call('settings.get', {})).wall.layout).toBe('3x3')
    await expectRpcError(
      connected.client.call('settings.update', { wall: { layout: '5x5' } } as unknown as { wall: { layout: '1' } }),
      'INVALID_INPUT'
    )
  })

  it('answers pending calls with TRANSPORT_CLOSED when the link drops', async () => {
    await connected.close()
    const result = await connected.client.request('app.info', {})
    expect(result).toEqual({ ok: false, error: { code: 'TRANSPORT_CLOSED', message: expect.any(String) } })
  })
})
