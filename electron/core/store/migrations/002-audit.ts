import type { Migration } from '../migrations'

/**
 * The audit trail: an append-only, hash-chained log of who did what, plus the signed checkpoints that
 * retention purges leave behind.
 *
 * The triggers are defence in depth only: whoever holds the file can drop them. What detects a
 * rewrite is the HMAC chain (see core/audit), whose key is kept outside the database.
 */
export const audit: Migration = {
  version: 2,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        camera_id TEXT,
        target TEXT,
        workstation TEXT NOT NULL,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;

      -- The viewer filters by person, camera, action and period, newest first. Every index carries
      -- the rowid (seq) after its own column, so "WHERE actor = ? ORDER BY seq DESC" walks the index in
      -- order without sorting.
      CREATE INDEX audit_log_by_actor ON audit_log (actor);
      CREATE INDEX audit_log_by_camera ON audit_log (camera_id) WHERE camera_id IS NOT NULL;
      CREATE INDEX audit_log_by_action ON audit_log (action);
      CREATE INDEX audit_log_by_time ON audit_log (at);

      -- One row per retention purge: the last entry removed, so that the first remaining entry still
      -- links to something signed.
      CREATE TABLE audit_checkpoint (
        id INTEGER PRIMARY KEY,
        last_seq INTEGER NOT NULL,
        last_hash TEXT NOT NULL,
        purged_count INTEGER NOT NULL,
        purged_before INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        signature TEXT NOT NULL
      ) STRICT;

      -- Holds a row only inside a purge transaction: the one moment audit entries may be deleted.
      CREATE TABLE audit_purge_gate (
        open INTEGER NOT NULL CHECK (open = 1)
      ) STRICT;

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit_log: les entrées du journal d''audit ne se modifient pas');
      END;

      CREATE TRIGGER audit_log_delete_only_when_purging BEFORE DELETE ON audit_log
      WHEN NOT EXISTS (SELECT 1 FROM audit_purge_gate)
      BEGIN
        SELECT RAISE(ABORT, 'audit_log: les entrées du journal d''audit ne se suppriment que par la purge de conservation');
      END;

      CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint
      BEGIN
        SELECT RAISE(ABORT, 'audit_checkpoint: les points de contrôle ne se modifient pas');
      END;

      CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
      BEGIN
        SELECT RAISE(ABORT, 'audit_checkpoint: les points de contrôle ne se suppriment pas');
      END;
    `)
  }
}
