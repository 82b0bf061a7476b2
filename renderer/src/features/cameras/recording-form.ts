import { LEGAL_MAX_RETENTION_DAYS, type RecordingPolicy, type RecordingStorage } from '../../../../electron/shared/recording'

/**
 * A camera's recording as its form holds it, and the storage limits: sizes are typed in « Go »
 * (2^30 bytes, as the core's defaults count them), with a comma or a point.
 */
export const BYTES_PER_GB = 1024 ** 3

export interface RecordingFormValues {
  enabled: boolean
  retentionDays: string
  /** Empty: no quota of its own (the total quota and the disk's free space still apply). */
  quotaGb: string
}

export const DEFAULT_RECORDING_POLICY: RecordingPolicy = { enabled: true, retentionDays: LEGAL_MAX_RETENTION_DAYS, quotaBytes: null }

/** « 1,5 » or « 1.5 » → 1.5; empty → null; anything else → NaN. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '')
  if (trimmed === '') return null
  if (!/^\d+(?:[.,]\d+)?$/.test(trimmed)) return Number.NaN
  return Number(trimmed.replace(',', '.'))
}

/** Bytes as Go for a field, up to two decimals, with the language's decimal mark. */
export function bytesToGbText(bytes: number | null, decimalSeparator: ',' | '.' = ','): string {
  if (bytes === null) return ''
  const rounded = Math.round((bytes / BYTES_PER_GB) * 100) / 100
  return String(rounded).replace('.', decimalSeparator)
}

export function gbToBytes(gb: number): number {
  return Math.round(gb * BYTES_PER_GB)
}

export function recordingFormFrom(policy: RecordingPolicy, decimalSeparator: ',' | '.' = ','): RecordingFormValues {
  return { enabled: policy.enabled, retentionDays: String(policy.retentionDays), quotaGb: bytesToGbText(policy.quotaBytes, decimalSeparator) }
}

export type RecordingProblem = 'retention' | 'quota'

export type PolicyResult = { ok: true; policy: RecordingPolicy } | { ok: false; problem: RecordingProblem }

/** The policy to send, or which field is wrong. Retention: whole days, 1 to `maxDays` (the law's month at most). */
export function toRecordingPolicy(values: RecordingFormValues, maxDays = LEGAL_MAX_RETENTION_DAYS): PolicyResult {
  const days = Number(values.retentionDays.trim())
  if (!/^\d+$/.test(values.retentionDays.trim()) || days < 1 || days > Math.min(maxDays, LEGAL_MAX_RETENTION_DAYS)) {
    return { ok: false, problem: 'retention' }
  }
  const quota = parseDecimal(values.quotaGb)
  if (quota !== null && !(quota > 0)) return { ok: false, problem: 'quota' }
  return { ok: true, policy: { enabled: values.enabled, retentionDays: days, quotaBytes: quota === null ? null : gbToBytes(quota) } }
}

export function samePolicy(a: RecordingPolicy, b: RecordingPolicy): boolean {
  return a.enabled === b.enabled && a.retentionDays === b.retentionDays && a.quotaBytes === b.quotaBytes
}

export interface StorageFormValues {
  /** Empty: no total quota, only the disk's free space. */
  totalQuotaGb: string
  minFreeGb: string
}

export function storageFormFrom(storage: RecordingStorage, decimalSeparator: ',' | '.' = ','): StorageFormValues {
  return { totalQuotaGb: bytesToGbText(storage.totalQuotaBytes, decimalSeparator), minFreeGb: bytesToGbText(storage.minFreeBytes, decimalSeparator) }
}

export type StorageResult = { ok: true; storage: RecordingStorage } | { ok: false; problem: 'total' | 'free' }

export function toRecordingStorage(values: StorageFormValues): StorageResult {
  const total = parseDecimal(values.totalQuotaGb)
  if (total !== null && !(total > 0)) return { ok: false, problem: 'total' }
  const free = parseDecimal(values.minFreeGb) ?? 0
  if (!(free >= 0)) return { ok: false, problem: 'free' }
  return { ok: true, storage: { totalQuotaBytes: total === null ? null : gbToBytes(total), minFreeBytes: gbToBytes(free) } }
}
