import { z } from 'zod'
import { CameraConfigSchema, type CameraConfig } from '../../shared/camera'
import { RpcError } from '../../shared/result'
import { readFileIfExists, writeFileAtomic } from '../fs/atomic-file'
import { describeIssues, frenchErrorMap } from '../../shared/zod-fr'

export const CamerasFileSchema = z
  .object({
    version: z.literal(1),
    cameras: z.array(CameraConfigSchema)
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>()
    file.cameras.forEach((camera, index) => {
      if (seen.has(camera.id)) {
        ctx.addIssue({ code: 'custom', path: ['cameras', index, 'id'], message: `identifiant en double « ${camera.id} »` })
      }
      seen.add(camera.id)
    })
  })

export type CamerasFile = z.infer<typeof CamerasFileSchema>

export class ConfigFileError extends Error {
  constructor(
    readonly path: string,
    detail: string
  ) {
    super(`Configuration des caméras invalide (${path}) : ${detail}. Le fichier n'a pas été modifié.`)
    this.name = 'ConfigFileError'
  }
}

/** Parses the content of a cameras file; throws a ConfigFileError naming the faulty keys. */
export function parseCamerasFile(path: string, text: string): CamerasFile {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new ConfigFileError(path, `JSON illisible (${(error as Error).message})`)
  }
  const parsed = CamerasFileSchema.safeParse(json, { errorMap: frenchErrorMap })
  if (!parsed.success) throw new ConfigFileError(path, describeIssues(parsed.error, '(racine)'))
  return parsed.data
}

/**
 * The camera configuration, kept in one strict JSON file that an admin may also edit by hand.
 * A file that does not validate is never rewritten: the store refuses changes until it is fixed.
 */
export class CameraStore {
  private cameras: CameraConfig[] = []
  private loadError: ConfigFileError | null = null
  private writes: Promise<void> = Promise.resolve()

  private constructor(readonly path: string) {}

  static async open(path: string): Promise<CameraStore> {
    const store = new CameraStore(path)
    await store.reload()
    return store
  }

  async reload(): Promise<void> {
    const text = await readFileIfExists(this.path)
    try {
      this.cameras = text === null ? [] : parseCamerasFile(this.path, text).cameras
      this.loadError = null
    } catch (error) {
      if (!(error instanceof ConfigFileError)) throw error
      this.cameras = []
      this.loadError = error
    }
  }

  get error(): string | null {
    return this.loadError?.message ?? null
  }

  list(): CameraConfig[] {
    return this.cameras.map((camera) => ({ ...camera }))
  }

  find(id: string): CameraConfig | undefined {
    return this.cameras.find((camera) => camera.id === id)
  }

  async add(camera: CameraConfig): Promise<CameraConfig> {
    return this.mutate((cameras) => {
      if (cameras.some((existing) => existing.id === camera.id)) {
        throw new RpcError('CONFLICT', `Une caméra porte déjà l'identifiant « ${camera.id} ».`)
      }
      return [...cameras, camera]
    }).then(() => camera)
  }

  async update(camera: CameraConfig): Promise<CameraConfig> {
    return this.mutate((cameras) => {
      if (!cameras.some((existing) => existing.id === camera.id)) {
        throw new RpcError('NOT_FOUND', `Caméra inconnue : « ${camera.id} ».`)
      }
      return cameras.map((existing) => (existing.id === camera.id ? camera : existing))
    }).then(() => camera)
  }

  async remove(id: string): Promise<void> {
    await this.mutate((cameras) => {
      if (!cameras.some((existing) => existing.id === id)) {
        throw new RpcError('NOT_FOUND', `Caméra inconnue : « ${id} ».`)
      }
      return cameras.filter((existing) => existing.id !== id)
    })
  }

  /** Serialises writes so two quick edits cannot interleave and lose one another. */
  private mutate(change: (cameras: CameraConfig[]) => CameraConfig[]): Promise<void> {
    const run = async (): Promise<void> => {
      if (this.loadError) throw new RpcError('CONFLICT', this.loadError.message)
      const next = change(this.list())
      const file: CamerasFile = { version: 1, cameras: next }
      await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`)
      this.cameras = next
    }
    const result = this.writes.then(run, run)
    this.writes = result.catch(() => undefined)
    return result
  }
}
