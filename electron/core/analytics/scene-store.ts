import { EMPTY_SCENE, SceneSchema, type Scene } from '../../shared/scene'
import type { Database } from '../store/database'

interface SceneRow {
  camera_id: string
  scene: string
}

/**
 * Each camera's scene, in SQLite. Scenes are all loaded at start and kept in memory, because the
 * analytics read them on every reconfiguration and must not wait on a query. A camera without a
 * saved scene gets its default (the demo site draws its own), or an empty one.
 */
export class SceneStore {
  private readonly scenes = new Map<string, Scene>()
  private readonly listeners = new Set<(cameraId: string, scene: Scene) => void>()

  private constructor(
    private readonly db: Database,
    private readonly defaults: (cameraId: string) => Scene | undefined
  ) {}

  static async open(db: Database, defaults: (cameraId: string) => Scene | undefined, log?: (message: string) => void): Promise<SceneStore> {
    const store = new SceneStore(db, defaults)
    for (const row of await db.all<SceneRow>('SELECT camera_id, scene FROM camera_scenes')) {
      const parsed = SceneSchema.safeParse(JSON.parse(row.scene))
      // A scene that no longer validates (a rule kind renamed by an update) is reported, not silently dropped.
      if (parsed.success) store.scenes.set(row.camera_id, parsed.data)
      else log?.(`[scenes] scene of ${row.camera_id} is invalid and ignored: ${parsed.error.issues[0]?.message ?? ''}`)
    }
    return store
  }

  get(cameraId: string): Scene {
    return this.scenes.get(cameraId) ?? this.defaults(cameraId) ?? EMPTY_SCENE
  }

  /** Replaces the camera's scene; returns the one it replaced. */
  async save(cameraId: string, scene: Scene, by: string, at: number): Promise<Scene> {
    const previous = this.get(cameraId)
    await this.db.run(
      `INSERT INTO camera_scenes (camera_id, scene, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (camera_id) DO UPDATE SET scene = excluded.scene, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [cameraId, JSON.stringify(scene), at, by]
    )
    this.scenes.set(cameraId, scene)
    for (const listener of this.listeners) listener(cameraId, scene)
    return previous
  }

  onDidChange(listener: (cameraId: string, scene: Scene) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
