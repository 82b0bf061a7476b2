import type { Migration } from '../migrations'

/**
 * The review of alerts: one row per alert (an analytics event with alert = 1) holding where it
 * stands, and the append-only history of every decision taken on it. Escalation by the clock is
 * recorded like any decision, by `system`.
 */
export const alerts: Migration = {
  version: 6,
  name: 'alerts',
  up(db) {
    db.exec(`
      CREATE TABLE alert_reviews (
        event_id INTEGER PRIMARY KEY REFERENCES analytics_events (id) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('new', 'in_review', 'escalated', 'confirmed', 'false_alarm')),
        owner TEXT,
        decided_by TEXT,
        decided_at INTEGER,
        reason TEXT,
        note TEXT,
        escalated_at INTEGER,
        escalated_by TEXT,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX alert_reviews_by_state ON alert_reviews (state, event_id);

      CREATE TABLE alert_decisions (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        reason TEXT,
        note TEXT
      );
      CREATE INDEX alert_decisions_by_event ON alert_decisions (event_id);
      CREATE INDEX analytics_events_alerts ON analytics_events (alert, id);
    `)
  }
}
