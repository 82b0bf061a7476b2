import { describe, expect, it, vi } from 'vitest'
import { ZodError } from 'zod'
import { contract, type Access, type MethodName } from '../../../electron/shared/contract'
import { RpcError } from '../../../electron/shared/result'
import { createRpcClient } from '../../../electron/shared/rpc/client'
import { createMemoryTransportPair } from '../../../electron/shared/rpc/memory-transport'
import { serveContract, type Handlers, type ServeOptions } from '../../../electron/shared/rpc/server'
import type { Transport } from '../../../electron/shared/rpc/transport'
import { waitFor } from '../../fixtures/core-harness'

interface Ctx {
  user: string
}

const APP_INFO = {
  product: 'Vigie' as const,
  version: '1.2.3',
  mode: 'desktop' as const,
  demo: false,
  ffmpeg: { available: true, source: 'PATH' }
}

/** Every handler fails loudly unless the test provides it: a call reaching an unexpected handler is a bug. */
function handlers(overrides: Partial<Record<MethodName, (input: never, ctx: Ctx) => unknown>>): Handlers<Ctx> {
  const all: Record<string, unknown> = {}
  for (const name of Object.keys(contract)) {
    all[name] =
      overrides[name as MethodName] ??
      (() => {
        throw new Error(`handler ${name} should not have been called`)
      })
  }
  return all as Handlers<Ctx>
}

interface Served {
  client: ReturnType<typeof createRpcClient>
  /** The client's transport, to forge frames the typed client never sends. */
  clientEnd: Transport
  /** The server's transport, to forge frames a correct server never sends. */
  serverEnd: Transport
  internalErrors: Array<[string, unknown]>
  connection: ReturnType<typeof serveContract<Ctx>>
}

function serve(options: Partial<ServeOptions<Ctx>> & { handlers: Handlers<Ctx> }): Served {
  const [clientEnd, serverEnd] = createMemoryTransportPair()
  const internalErrors: Array<[string, unknown]> = []
  const connection = serveContract<Ctx>(serverEnd, {
    context: { user: 'opérateur' },
    authorize: () => {},
    onInternalError: (method, error) => internalErrors.push([method, error]),
    ...options
  })
  return { client: createRpcClient(clientEnd, { timeoutMs: 5_000 }), clientEnd, serverEnd, internalErrors, connection }
}

/** Sends a raw frame and resolves with the next frame the other side sends back. */
function exchange(end: Transport, frame: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const off = end.onMessage((message) => {
      off()
      resolve(message)
    })
    end.send(frame)
  })
}

describe('serveContract', () => {
  it('answers a valid call with the handler value, passing the validated input and the context', async () => {
    const seen: unknown[] = []
    const { client } = serve({
      handlers: handlers({
        'settings.update': (patch: unknown, ctx: Ctx) => {
          seen.push(patch, ctx)
          return { schemaVersion: 1, locale: 'en', wall: { layout: '1', tiles: Array.from({ length: 16 }, () => ({ cameraId: null })) } }
        }
      })
    })
    const value = await client.call('settings.update', { locale: 'en' })
    expect(seen).toEqual([{ locale: 'en' }, { user: 'opérateur' }])
    // The output went through the contract's schema: its defaults were applied.
    expect(value.wall.tiles[0]).toEqual({ cameraId: null, overlays: true })
    expect(value.wall.focusedTile).toBeNull()
  })

  it('turns a plain Error into INTERNAL with a generic message, and reports the error to onInternalError', async () => {
    const failure = new Error('ENOENT: /home/agent/.config/Vigie/secret-path/cameras.json')
    const { client, internalErrors } = serve({
      handlers: handlers({
        'app.info': () => {
          throw failure
        }
      })
    })
    const result = await client.request('app.info', {})
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Erreur interne du service Vigie.' } })
    const text = JSON.stringify(result)
    expect(text).not.toContain('secret-path')
    expect(text).not.toContain('ENOENT')
    expect(text).not.toMatch(/\.(ts|js):\d+/)
    expect(text).not.toContain('    at ')
    expect(internalErrors).toEqual([['app.info', failure]])
  })

  it('treats a rejected promise and a thrown non-Error the same way', async () => {
    const { client, internalErrors } = serve({
      handlers: handlers({
        'app.info': async () => Promise.reject(new TypeError('x is undefined')),
        'app.notices': () => {
          throw 'a string'
        }
      })
    })
    await expect(client.request('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    await expect(client.request('app.notices', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(internalErrors.map(([method]) => method)).toEqual(['app.info', 'app.notices'])
  })

  it('passes an RpcError thrown by a handler through with its code and message, without reporting it', async () => {
    const { client, internalErrors } = serve({
      handlers: handlers({
        'cameras.remove': () => {
          throw new RpcError('NOT_FOUND', 'Caméra inconnue : « hall ».')
        }
      })
    })
    await expect(client.request('cameras.remove', { cameraId: 'hall' })).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Caméra inconnue : « hall ».' }
    })
    expect(internalErrors).toEqual([])
  })

  it('answers INTERNAL when a handler returns a value that violates the output schema', async () => {
    const { client, internalErrors } = serve({
      handlers: handlers({
        'app.info': () => ({ ...APP_INFO, mode: 'mainframe' }),
        'cameras.list': () => [{ id: 'hall', name: 'Hall' }]
      })
    })
    expect(await client.request('app.info', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Erreur interne du service Vigie.' } })
    expect(await client.request('cameras.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(internalErrors.map(([method]) => method)).toEqual(['app.info', 'cameras.list'])
    expect(internalErrors[0][1]).toBeInstanceOf(ZodError)
  })

  it('never leaks fields the contract does not promise', async () => {
    const { client } = serve({
      handlers: handlers({
        'app.info': () => ({ ...APP_INFO, dataDir: '/home/agent/.config/Vigie' }),
        'cameras.list': () => [
          {
            id: 'hall',
            name: 'Hall',
            source: 'rtsp://***@10.0.0.2/live',
            rtspTransport: 'tcp',
            transcode: 'auto',
            group: 'default',
            enabled: true,
            analytics: [],
            demo: false,
            password: 's3cret'
          }
        ]
      })
    })
    const info = await client.call('app.info', {})
    expect(info).toEqual(APP_INFO)
    const cameras = await client.call('cameras.list', {})
    expect(JSON.stringify(cameras)).not.toContain('s3cret')
    expect(Object.keys(cameras[0])).not.toContain('password')
  })

  it('returns FORBIDDEN from authorize as such and never calls the handler', async () => {
    const handler = vi.fn(() => ({ cameraId: 'hall', url: 'ws://x' }))
    const checks: Array<[Access, Ctx, string]> = []
    const { client, internalErrors } = serve({
      handlers: handlers({ 'live.open': handler }),
      authorize: (access, ctx, method) => {
        checks.push([access, ctx, method])
        if (access !== 'public') throw new RpcError('FORBIDDEN', 'Action non autorisée pour ce poste.')
      }
    })
    expect(await client.request('live.open', { cameraId: 'hall' })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Action non autorisée pour ce poste.' }
    })
    expect(handler).not.toHaveBeenCalled()
    expect(checks).toEqual([['camera.view', { user: 'opérateur' }, 'live.open']])
    expect(internalErrors).toEqual([])
  })

  it('checks access before input, so a refused caller learns nothing about the schema', async () => {
    const { client } = serve({
      handlers: handlers({}),
      authorize: () => {
        throw new RpcError('FORBIDDEN', 'Non.')
      }
    })
    const forged = { id: 'NOT VALID', extra: 1 } as unknown as Parameters<typeof client.request<'cameras.add'>>[1]
    expect(await client.request('cameras.add', forged)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Non.' } })
  })

  it('refuses invalid input with INVALID_INPUT before any handler runs', async () => {
    const handler = vi.fn()
    const { client } = serve({ handlers: handlers({ 'live.open': handler }) })
    const result = await client.request('live.open', { cameraId: '../../etc/passwd' })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(handler).not.toHaveBeenCalled()
  })

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('answers UNKNOWN_METHOD for the inherited name %s', async (method) => {
    const { clientEnd } = serve({ handlers: handlers({}) })
    const response = await exchange(clientEnd, { kind: 'request', id: 4, method, input: {} })
    expect(response).toMatchObject({ kind: 'response', id: 4, result: { ok: false, error: { code: 'UNKNOWN_METHOD' } } })
  })

  it.each([
    ['a string', 'bonjour'],
    ['null', null],
    ['a request without id', { kind: 'request', method: 'app.info', input: {} }],
    ['a negative id', { kind: 'request', id: -1, method: 'app.info', input: {} }],
    ['an extra envelope key', { kind: 'request', id: 1, method: 'app.info', input: {}, admin: true }],
    ['a response sent to the server', { kind: 'response', id: 1, result: { ok: true, value: 1 } }]
  ])('closes the connection on a malformed envelope (%s)', async (_what, frame) => {
    const handler = vi.fn(() => APP_INFO)
    const { client, clientEnd } = serve({ handlers: handlers({ 'app.info': handler }) })
    let closed = false
    client.onClose(() => {
      closed = true
    })
    const answers: unknown[] = []
    clientEnd.onMessage((message) => answers.push(message))
    clientEnd.send(frame)
    await waitFor(() => closed, 'the connection to close', 2_000, 5)
    expect(answers).toEqual([])
    expect(handler).not.toHaveBeenCalled()
    expect(await client.request('app.info', {})).toMatchObject({ ok: false, error: { code: 'TRANSPORT_CLOSED' } })
  })

  it('emits events validated against their schema, and refuses to emit an invalid one', async () => {
    const { client, connection } = serve({ handlers: handlers({}) })
    const received: unknown[] = []
    client.on('cameras.onDidChangeList', (payload) => received.push(payload))
    expect(() => connection.emit('cameras.onDidChangeList', { cameras: [{ id: 'BAD ID' }] } as never)).toThrow()
    connection.emit('cameras.onDidChangeList', { cameras: [] })
    await waitFor(() => received.length > 0, 'the event', 2_000, 5)
    expect(received).toEqual([{ cameras: [] }])
  })
})

describe('createRpcClient', () => {
  it('resolves TIMEOUT after timeoutMs when the other end never answers, and ignores a late answer', async () => {
    const [clientEnd, silentEnd] = createMemoryTransportPair()
    const requests: Array<{ id: number; method: string; input: unknown }> = []
    silentEnd.onMessage((message) => requests.push(message as { id: number; method: string; input: unknown }))
    const client = createRpcClient(clientEnd, { timeoutMs: 50 })

    const started = performance.now()
    const result = await client.request('app.info', {})
    const elapsed = performance.now() - started
    expect(result).toEqual({ ok: false, error: { code: 'TIMEOUT', message: expect.stringContaining('app.info') } })
    expect(elapsed).toBeGreaterThanOrEqual(45)
    expect(requests).toEqual([{ kind: 'request', id: 1, method: 'app.info', input: {} }])

    // The answer arrives too late: it is dropped, and the next call gets its own answer.
    silentEnd.send({ kind: 'response', id: 1, result: { ok: true, value: APP_INFO } })
    const next = client.request('app.info', {})
    await waitFor(() => requests.length === 2, 'the second request', 2_000, 5)
    silentEnd.send({ kind: 'response', id: requests[1].id, result: { ok: true, value: { ...APP_INFO, version: '2' } } })
    expect(await next).toEqual({ ok: true, value: { ...APP_INFO, version: '2' } })
  })

  it('rejects call() with an RpcError carrying the code', async () => {
    const [clientEnd] = createMemoryTransportPair()
    const client = createRpcClient(clientEnd, { timeoutMs: 20 })
    const error = await client.call('app.info', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RpcError)
    expect((error as RpcError).code).toBe('TIMEOUT')
  })

  it('resolves every pending call with TRANSPORT_CLOSED when the transport closes', async () => {
    const [clientEnd, silentEnd] = createMemoryTransportPair()
    const client = createRpcClient(clientEnd, { timeoutMs: 10_000 })
    const pending = [client.request('app.info', {}), client.request('cameras.list', {})]
    silentEnd.close()
    const results = await Promise.all(pending)
    for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: 'TRANSPORT_CLOSED' } })
    expect(await client.request('app.info', {})).toMatchObject({ ok: false, error: { code: 'TRANSPORT_CLOSED' } })
  })

  it('drops events whose payload fails its schema, and events it does not know', async () => {
    const [clientEnd, serverEnd] = createMemoryTransportPair()
    const client = createRpcClient(clientEnd)
    const health: unknown[] = []
    client.on('cameras.onDidChangeHealth', (payload) => health.push(payload))
    const good = { cameraId: 'hall', health: { state: 'live', since: 1, attempt: 0, transcoding: false } }

    serverEnd.send({ kind: 'event', event: 'cameras.onDidChangeHealth', payload: { cameraId: 'hall', health: { state: 'on fire' } } })
    serverEnd.send({ kind: 'event', event: 'cameras.onDidChangeHealth', payload: { ...good, cameraId: '../x' } })
    serverEnd.send({ kind: 'event', event: 'cameras.onDidExplode', payload: good })
    serverEnd.send({ kind: 'event', event: 'cameras.onDidChangeHealth', payload: good })
    // Messages are delivered in order: once the valid one arrived, the invalid ones have been seen and dropped.
    await waitFor(() => health.length > 0, 'the valid event', 2_000, 5)
    expect(health).toEqual([good])
  })

  it.each(['toString', 'constructor', 'hasOwnProperty', '__proto__'])(
    'drops an event named like an Object.prototype member (%s) without throwing',
    async (name) => {
      const [clientEnd, serverEnd] = createMemoryTransportPair()
      createRpcClient(clientEnd)
      // Registered after the client: if the client's own listener threw, this one would never be reached.
      const seenAfterClient: unknown[] = []
      clientEnd.onMessage((message) => seenAfterClient.push(message))
      serverEnd.send({ kind: 'event', event: name, payload: {} })
      serverEnd.send({ kind: 'event', event: 'cameras.onDidChangeList', payload: { cameras: [] } })
      await waitFor(() => seenAfterClient.length === 2, 'both frames to pass the client', 2_000, 5)
    }
  )

  it('stops delivering an event to a listener once it unsubscribed', async () => {
    const [clientEnd, serverEnd] = createMemoryTransportPair()
    const client = createRpcClient(clientEnd)
    const first: unknown[] = []
    const second: unknown[] = []
    const off = client.on('cameras.onDidChangeList', (payload) => first.push(payload))
    client.on('cameras.onDidChangeList', (payload) => second.push(payload))
    serverEnd.send({ kind: 'event', event: 'cameras.onDidChangeList', payload: { cameras: [] } })
    await waitFor(() => second.length === 1, 'the first event', 2_000, 5)
    off()
    serverEnd.send({ kind: 'event', event: 'cameras.onDidChangeList', payload: { cameras: [] } })
    await waitFor(() => second.length === 2, 'the second event', 2_000, 5)
    expect(first).toHaveLength(1)
  })

  it('ignores responses to ids it never sent and malformed responses', async () => {
    const [clientEnd, serverEnd] = createMemoryTransportPair()
    const client = createRpcClient(clientEnd, { timeoutMs: 5_000 })
    const ids: number[] = []
    serverEnd.onMessage((message) => ids.push((message as { id: number }).id))
    const pending = client.request('app.info', {})
    await waitFor(() => ids.length === 1, 'the request', 2_000, 5)
    serverEnd.send({ kind: 'response', id: ids[0] + 100, result: { ok: true, value: 'wrong' } })
    serverEnd.send({ kind: 'response', id: ids[0], result: { ok: false, error: { code: 'NOPE', message: 'x' } } })
    serverEnd.send({ kind: 'response', id: ids[0], result: { ok: true, value: APP_INFO } })
    expect(await pending).toEqual({ ok: true, value: APP_INFO })
  })
})
