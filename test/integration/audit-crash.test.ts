import Database from 'better-sqlite3'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRpcClient } from '../../electron/shared/rpc/client'
import { createWebSocketTransport } from '../../electron/shared/rpc/websocket-transport'
import { ensureBuilt } from '../fixtures/electron-stub/ensure-build'
import { waitFor } from '../fixtures/core-harness'
import { ADMIN, runVigieCli, startVigieHost, type VigieHost } from '../e2e/fixtures/vigie-host'

async function signedInClient(host: VigieHost) {
  const url = new URL(host.url)
  const socket = new WebSocket(`ws://${url.host}/api`, {
    headers: { Cookie: `vigie_token_${url.port}=${url.searchParams.get('token')}`, Origin: `http://${url.host}` }
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  const client = createRpcClient(createWebSocketTransport(socket), { timeoutMs: 10_000 })
  await client.call('session.login', { username: ADMIN.name, password: ADMIN.password })
  return client
}

/**
 * The core is killed outright (SIGKILL: no handler runs) in the middle of a burst of audited changes.
 * Whatever the API acknowledged must be in the trail, and the trail must still verify.
 */
describe('audit trail across a killed core', () => {
  let host: VigieHost

  beforeAll(async () => {
    await ensureBuilt()
    host = await startVigieHost()
  }, 240_000)

  afterAll(async () => {
    if (host.process.exitCode === null && host.process.signalCode === null) host.process.kill('SIGKILL')
    await rm(host.dataDir, { recursive: true, force: true })
  })

  it('keeps every acknowledged action and a chain that verifies', async () => {
    const client = await signedInClient(host)
    const acknowledged: string[] = []
    let sent = 0
    const exited = new Promise((resolve) => host.process.once('exit', resolve))

    // Four writers in parallel, until the kill cuts them off.
    const writer = async (): Promise<void> => {
      for (;;) {
        const id = `rafale-${sent++}`
        const result = await client.request('cameras.add', { id, name: `Rafale ${id}`, source: 'rtsp://192.0.2.1/flux', enabled: false })
        if (!result.ok) return
        acknowledged.push(id)
      }
    }
    const writers = Promise.all([writer(), writer(), writer(), writer()])
    await waitFor(() => acknowledged.length >= 40, '40 acknowledged changes', 60_000, 5)
    host.process.kill('SIGKILL')
    await exited
    await writers

    const verify = runVigieCli(['audit', 'verify', '--data', host.dataDir])
    expect(verify.stdout).toMatch(/intègre/)
    expect(verify.status).toBe(0)

    const db = new Database(join(host.dataDir, 'vigie.db'), { readonly: true })
    const recorded = new Set(
      (db.prepare("SELECT camera_id FROM audit_log WHERE action = 'camera.add'").all() as Array<{ camera_id: string }>).map((row) => row.camera_id)
    )
    db.close()
    const missing = acknowledged.filter((id) => !recorded.has(id))
    expect(missing).toEqual([])
    expect(acknowledged.length).toBeGreaterThanOrEqual(40)
  })
})
