import { mkdirSync } from 'node:fs'
import { hostname, userInfo } from 'node:os'
import { join, resolve } from 'node:path'
import { openAuditLog, type AuditLog } from '../../core/audit'
import { AccountService, COMMON_PASSWORDS_FILE, loadCommonPasswords } from '../../core/auth'
import { openDatabase, type Database } from '../../core/store/database'
import { MIGRATIONS } from '../../core/store/migrations'
import { defaultDataDir } from '../../hosts/host-options'

export const APP_ROOT = resolve(import.meta.dirname, '..', '..', '..')

/** A usage mistake: printed with the command's help, exit code 2. */
export class UsageError extends Error {}

/** What a command works on: the same database, audit trail and accounts as the running app. */
export interface CliContext {
  dataDir: string
  db: Database
  audit: AuditLog
  accounts: AccountService
  /** Recorded in the audit trail as the actor of what the command does. */
  actor: string
  workstation: string
  out: (line: string) => void
  close(): Promise<void>
}

export async function openCliContext(dataDirOption: string | undefined, out: (line: string) => void): Promise<CliContext> {
  const dataDir = resolve(dataDirOption ?? defaultDataDir())
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const db = openDatabase(join(dataDir, 'vigie.db'), { migrations: MIGRATIONS })
  const audit = await openAuditLog(db, join(dataDir, 'keys'))
  const accounts = new AccountService(db, { commonPasswords: await loadCommonPasswords(join(APP_ROOT, COMMON_PASSWORDS_FILE)) })
  return {
    dataDir,
    db,
    audit,
    accounts,
    actor: `cli:${userInfo().username}`,
    workstation: `ligne de commande sur ${hostname()}`,
    out,
    async close() {
      await audit.close()
      await db.close()
    }
  }
}

/**
 * Reads a password without putting it on the command line (where `ps` and shell history would see it):
 * the first line of standard input, or typed twice at a prompt that does not echo.
 */
export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = ''
    for await (const chunk of process.stdin) text += String(chunk)
    const line = text.split(/\r?\n/)[0] ?? ''
    if (line === '') throw new UsageError('mot de passe attendu sur l’entrée standard')
    return line
  }
  const ask = (question: string) =>
    new Promise<string>((resolvePromise) => {
      process.stderr.write(question)
      const stdin = process.stdin
      stdin.setRawMode(true)
      stdin.resume()
      let typed = ''
      const onData = (data: Buffer) => {
        for (const char of data.toString('utf8')) {
          if (char === '\r' || char === '\n') {
            stdin.setRawMode(false)
            stdin.pause()
            stdin.off('data', onData)
            process.stderr.write('\n')
            resolvePromise(typed)
            return
          }
          if (char === '\u0003') process.exit(130)
          typed = char === '\u007f' ? typed.slice(0, -1) : typed + char
        }
      }
      stdin.on('data', onData)
    })
  const first = await ask(prompt)
  const second = await ask('Confirmez : ')
  if (first !== second) throw new UsageError('les deux saisies diffèrent')
  return first
}
