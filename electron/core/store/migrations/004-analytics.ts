import type { Migration } from '../migrations'

/**
 * What the analytics need to keep: each camera's scene (zones, lines, masks, rules), the detector
 * chosen for the installation, and the events its rules raise. A snapshot is a JPEG file under <dataDir>/snapshots/, privacy masks already
 * applied; counting updates never have one.
 */
export const analytics: Migration = {
  version: 4,
  name: 'analytics',
  up(db) {
    db.exec(`
      CREATE TABLE camera_scenes (
        camera_id TEXT PRIMARY KEY,
        scene TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL
      );

      -- Installation-wide analytics choices (the detector model), one JSON value per key.
      CREATE TABLE analytics_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE analytics_events (
        id INTEGER PRIMARY KEY,
        camera_id TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        rule_kind TEXT NOT NULL,
        module_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        alert INTEGER NOT NULL CHECK (alert IN (0, 1)),
        at INTEGER NOT NULL,
        recorded_at INTEGER NOT NULL,
        -- The rest of the event (names, boxes, details, model, parameters), as the contract shapes it.
        payload TEXT NOT NULL,
        -- Path relative to <dataDir>/snapshots, or NULL.
        snapshot TEXT
      );
      CREATE INDEX analytics_events_by_camera ON analytics_events (camera_id, id);
      CREATE INDEX analytics_events_by_time ON analytics_events (at);
    `)
  }
}
