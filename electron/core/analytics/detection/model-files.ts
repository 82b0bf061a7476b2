import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { ModelManifest } from './model-manifest'

export class ModelFileMissingError extends Error {
  constructor(readonly path: string) {
    super(`Detector model file missing: ${path}. Run "npm run assets" to download the models.`)
    this.name = 'ModelFileMissingError'
  }
}

/**
 * Full path of the manifest's .onnx file; throws the "run npm run assets" hint when it is absent.
 * Takes any manifest that names a file in models/ (object detectors, and the plate models of lapi/).
 */
export function requireModelFile(modelsDir: string, manifest: Pick<ModelManifest, 'file'>): string {
  const path = join(modelsDir, manifest.file)
  if (!existsSync(path)) throw new ModelFileMissingError(path)
  return path
}
