import type { Migration } from '../migrations'

/**
 * Accounts: the organisation profile, the people who sign in, their roles and the camera groups they
 * may watch.
 *
 * Accounts are never deleted, only disabled: the audit trail names people, and what they did must stay
 * attributable. Hence no ON DELETE anywhere and a trigger that refuses deleting a user.
 *
 * The lists in the CHECK constraints are written out rather than imported: a migration is frozen once
 * shipped, so a new role or deployer type comes with a migration of its own.
 */
export const accounts: Migration = {
  version: 1,
  name: 'accounts',
  up(db) {
    db.exec(`
      -- A single row (id = 1): one installation serves one organisation.
      CREATE TABLE organisation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        deployer TEXT NOT NULL CHECK (deployer IN (
          'commune', 'police-municipale', 'police-nationale', 'gendarmerie', 'douanes', 'transport', 'site-prive'
        )),
        dpo_contact TEXT NOT NULL DEFAULT '',
        idle_timeout_minutes INTEGER NOT NULL DEFAULT 15 CHECK (idle_timeout_minutes >= 1),
        -- Six months at least: the audit trail must be kept that long.
        audit_retention_days INTEGER NOT NULL DEFAULT 183 CHECK (audit_retention_days >= 183),
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        -- scrypt output, its per-user salt and the cost parameters it was computed with, so that the
        -- parameters can be raised later without invalidating existing passwords.
        password_hash BLOB NOT NULL,
        password_salt BLOB NOT NULL,
        scrypt_n INTEGER NOT NULL,
        scrypt_r INTEGER NOT NULL,
        scrypt_p INTEGER NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        all_groups INTEGER NOT NULL DEFAULT 0 CHECK (all_groups IN (0, 1)),
        -- Consecutive failed sign-ins; a success resets it. Epoch milliseconds for locked_until.
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until INTEGER,
        created_at INTEGER NOT NULL,
        password_changed_at INTEGER NOT NULL
      ) STRICT;

      CREATE TRIGGER users_never_deleted BEFORE DELETE ON users
      BEGIN
        SELECT RAISE(ABORT, 'users: un compte ne se supprime pas, il se désactive');
      END;

      CREATE TABLE user_roles (
        user_id INTEGER NOT NULL REFERENCES users (id),
        role TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'dpo', 'admin')),
        PRIMARY KEY (user_id, role)
      ) STRICT, WITHOUT ROWID;

      -- "Who holds the admin role" is asked on every account change (the last administrator is protected).
      CREATE INDEX user_roles_by_role ON user_roles (role);

      CREATE TABLE user_groups (
        user_id INTEGER NOT NULL REFERENCES users (id),
        group_name TEXT NOT NULL,
        PRIMARY KEY (user_id, group_name)
      ) STRICT, WITHOUT ROWID;
    `)
  }
}
