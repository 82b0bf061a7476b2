import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AuditFixture, waitFor } from './support'

const root = resolve(import.meta.dirname, '..', '..', '..')
const BURST = resolve(root, 'test/fixtures/audit-burst.ts')

interface Burst {
  child: ChildProcess
  /** The seqs the child was told are stored, in order. */
  acknowledged: number[]
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

function startBurst(dataDir: string, count?: number): Burst {
  const child = spawn(process.execPath, ['--import', 'tsx', BURST, dataDir, ...(count === undefined ? [] : [String(count)])], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const acknowledged: number[] = []
  let pending = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) acknowledged.push(Number(line))
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    // 'close': stdout has been read to its end, so every acknowledgement is counted.
    child.on('close', (code, signal) => {
      if (code !== 0 && signal === null) process.stderr.write(stderr)
      resolveExit({ code, signal })
    })
  )
  return { child, acknowledged, exited }
}

let fixture: AuditFixture

beforeEach(async () => {
  fixture = await AuditFixture.create()
})

afterEach(async () => {
  await fixture.dispose()
})

async function storedSeqs(): Promise<Set<number>> {
  const rows = await fixture.db.all<{ seq: number }>('SELECT seq FROM audit_log')
  return new Set(rows.map((row) => row.seq))
}

describe('the audit trail across processes', () => {
  it('keeps every acknowledged entry, and a chain that verifies, when the appending process is killed', async () => {
    // The app has written before, and is not running during the burst (its marker is on disk).
    await fixture.appendMany(5)
    await fixture.close()

    const burst = startBurst(fixture.dir)
    await waitFor(() => burst.acknowledged.length >= 300 || burst.child.exitCode !== null, '300 acknowledged appends')
    burst.child.kill('SIGKILL')
    expect(await burst.exited).toEqual({ code: null, signal: 'SIGKILL' })
    expect(burst.acknowledged.length).toBeGreaterThanOrEqual(300)

    await fixture.open()
    const stored = await storedSeqs()
    expect(burst.acknowledged.filter((seq) => !stored.has(seq))).toEqual([])
    expect(burst.acknowledged[0]).toBe(6)
    const verification = await fixture.log.verify()
    expect(verification).toMatchObject({ ok: true, firstBrokenSeq: null })
    expect(verification.checked).toBe(stored.size)
    expect(verification.checked).toBeGreaterThanOrEqual(5 + burst.acknowledged.length)
  })

  it('lets several processes append to the same file at once', async () => {
    await fixture.appendMany(1)
    const bursts = [startBurst(fixture.dir), startBurst(fixture.dir)]
    // Both are appending, and go on appending while this process appends too.
    await waitFor(
      () => bursts.every((burst) => burst.acknowledged.length >= 200 || burst.child.exitCode !== null),
      'both processes to append'
    )
    expect(bursts.map((burst) => burst.child.exitCode)).toEqual([null, null])
    await fixture.appendMany(100, { actor: 'app' })
    for (const burst of bursts) burst.child.kill('SIGKILL')
    // Killed, not failed: a process that hit SQLITE_BUSY would have exited on its own with an error.
    expect(await Promise.all(bursts.map((burst) => burst.exited))).toEqual([
      { code: null, signal: 'SIGKILL' },
      { code: null, signal: 'SIGKILL' }
    ])

    const acknowledged = bursts.flatMap((burst) => burst.acknowledged)
    const stored = await storedSeqs()
    expect(new Set(acknowledged).size).toBe(acknowledged.length)
    expect(acknowledged.filter((seq) => !stored.has(seq))).toEqual([])
    const appOwn = await fixture.log.query({ actor: 'app', limit: 500 })
    expect(appOwn.entries).toHaveLength(100)
    expect(await fixture.log.verify()).toMatchObject({ ok: true, checked: stored.size })
  })
})
