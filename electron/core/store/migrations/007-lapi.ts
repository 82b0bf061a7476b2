import type { Migration } from '../migrations'

/**
 * Licence-plate reading, minimised by construction (CSI L233-1/L233-2; CGCT L2333-87 for parking):
 * plates are stored as keyed hashes (HMAC-SHA256 with a key kept outside the database), so a copy
 * of the database reveals neither the reads nor the hotlists. A plate is kept in clear only in a
 * hit (a match with a hotlist), for a person to check. Every row carries its expiry.
 */
export const lapi: Migration = {
  version: 7,
  name: 'lapi',
  up(db) {
    db.exec(`
      CREATE TABLE lapi_hotlists (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        module_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        entries INTEGER NOT NULL,
        withdrawn_at INTEGER
      );
      CREATE TABLE lapi_hotlist_entries (
        hotlist_id INTEGER NOT NULL REFERENCES lapi_hotlists (id),
        plate_hash TEXT NOT NULL,
        PRIMARY KEY (hotlist_id, plate_hash)
      );
      CREATE INDEX lapi_hotlist_entries_by_hash ON lapi_hotlist_entries (plate_hash);

      -- Reads that matched no list, where the purpose keeps them at all: hash only, never the text.
      CREATE TABLE lapi_reads (
        id INTEGER PRIMARY KEY,
        camera_id TEXT NOT NULL,
        module_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        plate_hash TEXT NOT NULL,
        format TEXT NOT NULL,
        confidence REAL NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX lapi_reads_by_expiry ON lapi_reads (expires_at);

      CREATE TABLE lapi_hits (
        id INTEGER PRIMARY KEY,
        camera_id TEXT NOT NULL,
        module_id TEXT NOT NULL,
        hotlist_id INTEGER NOT NULL,
        at INTEGER NOT NULL,
        plate TEXT NOT NULL,
        format TEXT NOT NULL,
        confidence REAL NOT NULL,
        event_id INTEGER,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX lapi_hits_by_expiry ON lapi_hits (expires_at);
    `)
  }
}
