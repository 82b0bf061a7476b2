import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/** scrypt cost parameters, stored next to each hash so that they can be raised without a reset. */
export interface ScryptParams {
  /** CPU and memory cost, a power of two. */
  readonly N: number
  /** Block size. */
  readonly r: number
  /** Parallelism. */
  readonly p: number
  /** Length of the derived key, in bytes. */
  readonly keyLength: number
}

/** About 32 MiB and a few tens of milliseconds per derivation: slow for an attacker, unnoticeable at sign-in. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 }

export const SALT_BYTES = 16

export interface PasswordHash {
  readonly hash: Buffer
  readonly salt: Buffer
  readonly params: ScryptParams
}

/**
 * scrypt's working set is 128·N·r bytes; OpenSSL refuses any run above `maxmem`, whose default (32 MiB)
 * is just below what N = 2^15, r = 8 needs. Twice the working set leaves room for the small buffers.
 */
function maxmemFor(params: ScryptParams): number {
  return 2 * 128 * params.N * params.r
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // The same accented password can arrive composed or decomposed depending on the keyboard and the
  // system; NFC makes « é » one code point whichever way it was typed.
  const normalized = password.normalize('NFC')
  return new Promise((resolve, reject) => {
    scrypt(normalized, salt, params.keyLength, { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) }, (error, key) => {
      if (error) reject(error)
      else resolve(key)
    })
  })
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<PasswordHash> {
  const salt = randomBytes(SALT_BYTES)
  return { hash: await derive(password, salt, params), salt, params }
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const candidate = await derive(password, stored.salt, { ...stored.params, keyLength: stored.hash.length })
  return timingSafeEqual(candidate, stored.hash)
}

/**
 * Spends the same work as a real verification, then fails. Called when the username is unknown, so
 * that the time a refusal takes does not tell which usernames exist.
 */
export async function verifyAgainstNobody(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<false> {
  const candidate = await derive(password, randomBytes(SALT_BYTES), params)
  timingSafeEqual(candidate, Buffer.alloc(params.keyLength))
  return false
}

/** True when a hash was computed with other parameters than the current ones: re-hash it at the next sign-in. */
export function needsRehash(stored: PasswordHash, current: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  const { params } = stored
  return params.N !== current.N || params.r !== current.r || params.p !== current.p || stored.hash.length !== current.keyLength
}
