import type { CameraConfigInput, CameraView } from '../../../../electron/shared/camera'
import { MODULE_IDS, type ModuleId } from '../../../../electron/shared/compliance'

/** Modules an admin may ask for on a camera; the biometric ones exist only to be refused, so they are not offered. */
export const CAMERA_MODULES: readonly ModuleId[] = MODULE_IDS.filter(
  (id) => !['reconnaissance-faciale', 'categorisation-biometrique', 'inference-emotions'].includes(id)
)

export interface CameraFormValues {
  id: string
  name: string
  source: string
  rtspTransport: 'tcp' | 'udp'
  transcode: 'auto' | 'always'
  group: string
  enabled: boolean
  /** Kept through every edit: dropping them here would silently change what the camera asks the lock for. */
  analytics: ModuleId[]
}

export function emptyCameraForm(): CameraFormValues {
  return { id: '', name: '', source: '', rtspTransport: 'tcp', transcode: 'auto', group: 'default', enabled: true, analytics: [] }
}

export function cameraFormFrom(camera: CameraView): CameraFormValues {
  return {
    id: camera.id,
    name: camera.name,
    source: camera.source,
    rtspTransport: camera.rtspTransport,
    transcode: camera.transcode,
    group: camera.group,
    enabled: camera.enabled,
    analytics: [...camera.analytics]
  }
}

/** A suggested identifier from the name: « Place de l'Hôtel-de-Ville » → place-de-l-hotel-de-ville. */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '')
}

/**
 * The core never sends credentials to the screen: a source with a user part or masked characters is a
 * redacted copy, and saving it back unchanged would overwrite the real password.
 */
export function looksRedacted(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(source) || source.includes('***')
}

/** Values sent as typed: the core trims, validates and reports; the screen does not second-guess it. */
export function toCameraConfig(values: CameraFormValues): CameraConfigInput {
  return {
    id: values.id,
    name: values.name,
    source: values.source,
    rtspTransport: values.rtspTransport,
    transcode: values.transcode,
    // An empty group means "no particular group": let the core apply its default.
    group: values.group.trim() === '' ? undefined : values.group,
    enabled: values.enabled,
    analytics: values.analytics
  }
}
