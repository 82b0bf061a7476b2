import { DeployerTypeSchema, type Organisation } from '../../shared/accounts'
import type { SqlExecutor } from '../store/database'

/** The single `organisation` row (id = 1), read and written inside a transaction the caller opened. */

interface OrganisationRow {
  name: string
  deployer: string
  dpo_contact: string
  idle_timeout_minutes: number
  audit_retention_days: number
}

export function readOrganisation(sql: SqlExecutor): Organisation | null {
  const row = sql.get<OrganisationRow>(
    'SELECT name, deployer, dpo_contact, idle_timeout_minutes, audit_retention_days FROM organisation WHERE id = 1'
  )
  if (!row) return null
  return {
    name: row.name,
    // The column's CHECK holds the same list; parsing turns the stored text back into the type.
    deployer: DeployerTypeSchema.parse(row.deployer),
    dpoContact: row.dpo_contact,
    idleTimeoutMinutes: row.idle_timeout_minutes,
    auditRetentionDays: row.audit_retention_days
  }
}

export function writeOrganisation(sql: SqlExecutor, organisation: Organisation, now: number): void {
  sql.run(
    `INSERT INTO organisation (id, name, deployer, dpo_contact, idle_timeout_minutes, audit_retention_days, updated_at)
     VALUES (1, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET
       name = excluded.name, deployer = excluded.deployer, dpo_contact = excluded.dpo_contact,
       idle_timeout_minutes = excluded.idle_timeout_minutes, audit_retention_days = excluded.audit_retention_days,
       updated_at = excluded.updated_at`,
    [organisation.name, organisation.deployer, organisation.dpoContact, organisation.idleTimeoutMinutes, organisation.auditRetentionDays, now]
  )
}
