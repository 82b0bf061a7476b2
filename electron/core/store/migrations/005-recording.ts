import type { Migration } from '../migrations'

/**
 * Recording: the index of segment files, each camera's policy, legal holds and lifts of privacy
 * masks (the database itself refuses a lift approved by the person who asked for it). A segment row is written when ffmpeg opens the file (complete = 0) and completed when it
 * closes, so a crash leaves a row the recovery finds; the file is the truth for what can be played.
 */
export const recording: Migration = {
  version: 5,
  name: 'recording',
  up(db) {
    db.exec(`
      CREATE TABLE recording_segments (
        id INTEGER PRIMARY KEY,
        camera_id TEXT NOT NULL,
        -- Relative to <dataDir>/recordings.
        file TEXT NOT NULL UNIQUE,
        start_at INTEGER NOT NULL,
        end_at INTEGER NOT NULL,
        bytes INTEGER NOT NULL DEFAULT 0,
        complete INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1))
      );
      CREATE INDEX recording_segments_by_camera ON recording_segments (camera_id, start_at);

      CREATE TABLE recording_policies (
        camera_id TEXT PRIMARY KEY,
        policy TEXT NOT NULL
      );

      CREATE TABLE recording_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      -- Holds are never deleted, only released: they are evidence of why footage outlived its retention.
      CREATE TABLE legal_holds (
        id INTEGER PRIMARY KEY,
        camera_id TEXT NOT NULL,
        from_at INTEGER NOT NULL,
        to_at INTEGER NOT NULL,
        reference TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        released_by TEXT,
        released_at INTEGER
      );
      CREATE TRIGGER legal_holds_never_deleted BEFORE DELETE ON legal_holds
        BEGIN SELECT RAISE(ABORT, 'legal holds are released, never deleted'); END;

      -- A lift shows a camera's masked areas for an investigation: asked by one person, approved by
      -- another, limited in time. Kept for the record.
      CREATE TABLE mask_lifts (
        id INTEGER PRIMARY KEY,
        camera_id TEXT NOT NULL,
        reference TEXT NOT NULL,
        reason TEXT NOT NULL,
        requested_by TEXT NOT NULL,
        requested_at INTEGER NOT NULL,
        minutes INTEGER NOT NULL,
        approved_by TEXT,
        approved_at INTEGER,
        ended_by TEXT,
        ended_at INTEGER,
        CHECK (approved_by IS NULL OR approved_by <> requested_by)
      );
      CREATE TRIGGER mask_lifts_never_deleted BEFORE DELETE ON mask_lifts
        BEGIN SELECT RAISE(ABORT, 'mask lifts are kept for the record'); END;
    `)
  }
}
