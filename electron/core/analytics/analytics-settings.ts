import { DEFAULT_DETECTOR_MODEL_ID, DetectorModelIdSchema, type DetectorModelId } from '../../shared/analytics-events'
import type { Database } from '../store/database'

const DETECTOR_KEY = 'detector'

/** Installation-wide analytics choices, in SQLite: today the detector model every camera uses. */
export class AnalyticsSettings {
  private constructor(
    private readonly db: Database,
    private model: DetectorModelId
  ) {}

  static async open(db: Database): Promise<AnalyticsSettings> {
    const row = await db.get<{ value: string }>('SELECT value FROM analytics_settings WHERE key = ?', [DETECTOR_KEY])
    // A value this version does not know (written by a newer one) falls back to the default rather than failing.
    const parsed = row ? DetectorModelIdSchema.safeParse(JSON.parse(row.value)) : null
    return new AnalyticsSettings(db, parsed?.success ? parsed.data : DEFAULT_DETECTOR_MODEL_ID)
  }

  get detectorModel(): DetectorModelId {
    return this.model
  }

  async setDetectorModel(model: DetectorModelId): Promise<void> {
    await this.db.run(
      'INSERT INTO analytics_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [DETECTOR_KEY, JSON.stringify(model)]
    )
    this.model = model
  }
}
