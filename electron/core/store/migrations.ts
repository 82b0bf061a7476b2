import type BetterSqlite3 from 'better-sqlite3'
import { accounts } from './migrations/001-accounts'
import { audit } from './migrations/002-audit'
import { compliance } from './migrations/003-compliance'
import { analytics } from './migrations/004-analytics'
import { recording } from './migrations/005-recording'
import { alerts } from './migrations/006-alerts'
import { lapi } from './migrations/007-lapi'

/** A numbered schema change. Never edit one that has shipped: add the next number instead. */
export interface Migration {
  version: number
  name: string
  up(db: BetterSqlite3.Database): void
}

export const MIGRATIONS: readonly Migration[] = [accounts, audit, compliance, analytics, recording, alerts, lapi]
