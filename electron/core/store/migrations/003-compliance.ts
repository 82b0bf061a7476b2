import type { Migration } from '../migrations'

/**
 * The compliance lock: the documents of each module's dossier, the approvals given on them, their
 * revocations, and what the lock last observed (to report changes caused by time alone).
 *
 * A dossier is evidence for a CNIL control: documents are never deleted nor edited (only withdrawn,
 * with a reason), approvals are never deleted (only revoked). The triggers say so; the module ids
 * and document types are not constrained here, since they come from the rule pack, which evolves
 * without migrations.
 */
export const compliance: Migration = {
  version: 3,
  name: 'compliance',
  up(db) {
    db.exec(`
      CREATE TABLE compliance_documents (
        id INTEGER PRIMARY KEY,
        -- The stored file is <dataDir>/documents/<sha256>; several documents may share one file.
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        type TEXT NOT NULL,
        reference TEXT NOT NULL,
        issuer TEXT NOT NULL,
        issued_on TEXT NOT NULL,
        expires_on TEXT,
        -- JSON array of camera ids; NULL covers the whole installation.
        perimeter TEXT,
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('pdf', 'pia-json')),
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        pia_status TEXT,
        attached_by_id INTEGER NOT NULL REFERENCES users (id),
        attached_by TEXT NOT NULL,
        attached_at INTEGER NOT NULL,
        withdrawn_at INTEGER,
        withdrawn_by TEXT,
        withdrawal_reason TEXT,
        CHECK ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL))
      ) STRICT;

      CREATE TABLE compliance_document_modules (
        document_id INTEGER NOT NULL REFERENCES compliance_documents (id),
        module_id TEXT NOT NULL,
        PRIMARY KEY (document_id, module_id)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX compliance_document_modules_by_module ON compliance_document_modules (module_id);

      CREATE TRIGGER compliance_documents_never_deleted BEFORE DELETE ON compliance_documents
      BEGIN
        SELECT RAISE(ABORT, 'compliance_documents: un document ne se supprime pas, il se retire');
      END;

      -- Only the withdrawal may be written, once.
      CREATE TRIGGER compliance_documents_only_withdrawn BEFORE UPDATE ON compliance_documents
      WHEN OLD.withdrawn_at IS NOT NULL
        OR NEW.sha256 IS NOT OLD.sha256 OR NEW.type IS NOT OLD.type OR NEW.reference IS NOT OLD.reference
        OR NEW.issuer IS NOT OLD.issuer OR NEW.issued_on IS NOT OLD.issued_on OR NEW.expires_on IS NOT OLD.expires_on
        OR NEW.perimeter IS NOT OLD.perimeter OR NEW.file_name IS NOT OLD.file_name OR NEW.attached_by_id IS NOT OLD.attached_by_id
        OR NEW.attached_at IS NOT OLD.attached_at OR NEW.pia_status IS NOT OLD.pia_status
      BEGIN
        SELECT RAISE(ABORT, 'compliance_documents: un document ne se modifie pas (seul son retrait s''enregistre, une fois)');
      END;

      CREATE TRIGGER compliance_document_modules_fixed_delete BEFORE DELETE ON compliance_document_modules
      BEGIN
        SELECT RAISE(ABORT, 'compliance_document_modules: le rattachement d''un document ne se supprime pas');
      END;

      CREATE TABLE compliance_revocations (
        id INTEGER PRIMARY KEY,
        module_id TEXT NOT NULL,
        -- The dossier the revoked approvals were given on.
        fingerprint TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users (id),
        username TEXT NOT NULL,
        at INTEGER NOT NULL,
        justification TEXT NOT NULL,
        was_unlocked INTEGER NOT NULL CHECK (was_unlocked IN (0, 1))
      ) STRICT;

      CREATE TABLE compliance_approvals (
        id INTEGER PRIMARY KEY,
        module_id TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users (id),
        username TEXT NOT NULL,
        role TEXT NOT NULL,
        at INTEGER NOT NULL,
        justification TEXT NOT NULL,
        -- Documents, deployer type and rule pack the approval was given on: any change retires it.
        fingerprint TEXT NOT NULL,
        revocation_id INTEGER REFERENCES compliance_revocations (id)
      ) STRICT;

      CREATE INDEX compliance_approvals_by_module ON compliance_approvals (module_id);
      CREATE INDEX compliance_revocations_by_module ON compliance_revocations (module_id);

      CREATE TRIGGER compliance_approvals_never_deleted BEFORE DELETE ON compliance_approvals
      BEGIN
        SELECT RAISE(ABORT, 'compliance_approvals: une approbation ne se supprime pas, elle se révoque');
      END;

      CREATE TRIGGER compliance_approvals_only_revoked BEFORE UPDATE ON compliance_approvals
      WHEN OLD.revocation_id IS NOT NULL OR NEW.module_id IS NOT OLD.module_id OR NEW.user_id IS NOT OLD.user_id
        OR NEW.role IS NOT OLD.role OR NEW.at IS NOT OLD.at OR NEW.justification IS NOT OLD.justification
        OR NEW.fingerprint IS NOT OLD.fingerprint
      BEGIN
        SELECT RAISE(ABORT, 'compliance_approvals: une approbation ne se modifie pas (seule sa révocation s''enregistre, une fois)');
      END;

      CREATE TRIGGER compliance_revocations_never_changed BEFORE UPDATE ON compliance_revocations
      BEGIN
        SELECT RAISE(ABORT, 'compliance_revocations: une révocation ne se modifie pas');
      END;

      CREATE TRIGGER compliance_revocations_never_deleted BEFORE DELETE ON compliance_revocations
      BEGIN
        SELECT RAISE(ABORT, 'compliance_revocations: une révocation ne se supprime pas');
      END;

      -- The state each module was last seen in, for the deployer type of that time: comparing with it
      -- tells what time alone changed (an expiry, a rule pack taking effect).
      CREATE TABLE compliance_observed_states (
        module_id TEXT PRIMARY KEY,
        deployer TEXT,
        state TEXT NOT NULL,
        observed_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE compliance_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `)
  }
}
