import { MAX_DOCUMENT_BYTES, type ModuleId, type ModuleStatus } from '../../../../electron/shared/compliance'
import type { AttachInput } from '../../stores/compliance-store'
import { parseCommaList } from '../../text/comma-list'

/** The attach form as typed. Dates are the values of <input type="date">, already « AAAA-MM-JJ ». */
export interface AttachFormValues {
  type: string
  reference: string
  issuer: string
  issuedOn: string
  /** Empty: the document does not expire. */
  expiresOn: string
  wholeInstallation: boolean
  /** Ticked in the camera checklist. */
  cameraIds: string[]
  /** Typed instead, by those whose role does not list the cameras. */
  cameraIdsText: string
  file: File | null
}

/** The checklist for those who may list the cameras, a typed list for the others (a DPO). */
export type PerimeterInput = 'checklist' | 'typed'

/** Starts on the first document still missing: the one the person most likely came to attach. */
export function emptyAttachForm(module: ModuleStatus): AttachFormValues {
  const first = module.requirements.find((requirement) => !requirement.satisfied) ?? module.requirements[0]
  return {
    type: first?.type ?? '',
    reference: '',
    issuer: '',
    issuedOn: '',
    expiresOn: '',
    wholeInstallation: true,
    cameraIds: [],
    cameraIdsText: '',
    file: null
  }
}

/** Null covers the whole installation, as in the contract. */
export function perimeterOf(values: AttachFormValues, input: PerimeterInput): string[] | null {
  if (values.wholeInstallation) return null
  return input === 'checklist' ? values.cameraIds : parseCommaList(values.cameraIdsText)
}

export function toggleCamera(cameraIds: readonly string[], cameraId: string, on: boolean): string[] {
  return on ? [...new Set([...cameraIds, cameraId])] : cameraIds.filter((other) => other !== cameraId)
}

export type AttachProblem = 'fileMissing' | 'fileTooLarge' | 'perimeterEmpty'

/**
 * What this screen can tell in plain words before sending: the core would only name a schema path,
 * or refuse 20 MB after they have travelled. Everything else is the core's to check. The caller has
 * already made sure a file was picked.
 */
export function attachProblem(file: File, values: AttachFormValues, input: PerimeterInput): Exclude<AttachProblem, 'fileMissing'> | null {
  if (file.size > MAX_DOCUMENT_BYTES) return 'fileTooLarge'
  const perimeter = perimeterOf(values, input)
  if (perimeter !== null && perimeter.length === 0) return 'perimeterEmpty'
  return null
}

export function toAttachInput(
  moduleId: ModuleId,
  values: AttachFormValues,
  input: PerimeterInput,
  file: { name: string; base64: string }
): AttachInput {
  return {
    moduleIds: [moduleId],
    type: values.type,
    reference: values.reference,
    issuer: values.issuer,
    issuedOn: values.issuedOn,
    expiresOn: values.expiresOn === '' ? null : values.expiresOn,
    perimeter: perimeterOf(values, input),
    fileName: file.name,
    base64: file.base64
  }
}

/** The size limit as people read it: « 15 Mo ». */
export const MAX_DOCUMENT_MEGABYTES = Math.floor(MAX_DOCUMENT_BYTES / (1024 * 1024))
