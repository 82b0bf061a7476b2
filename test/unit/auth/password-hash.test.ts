import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  needsRehash,
  SALT_BYTES,
  verifyAgainstNobody,
  verifyPassword
} from '../../../electron/core/auth/password-hash'
import { FAST_SCRYPT } from './support'

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one, with the production parameters', async () => {
    const stored = await hashPassword('Quai-des-Remparts#1758')
    expect(await verifyPassword('Quai-des-Remparts#1758', stored)).toBe(true)
    expect(await verifyPassword('quai-des-remparts#1758', stored)).toBe(false)
    expect(await verifyPassword('', stored)).toBe(false)
  })

  it('stores N = 2^15, r = 8, p = 1 and a 32-byte key with each hash', async () => {
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ N: 32_768, r: 8, p: 1, keyLength: 32 })
    const stored = await hashPassword('Lanterne-Grise&Pavois9')
    expect(stored.params).toEqual(DEFAULT_SCRYPT_PARAMS)
    expect(stored.hash).toHaveLength(32)
  })

  it('draws a fresh 16-byte salt for every hash, so equal passwords do not share a hash', async () => {
    const first = await hashPassword('même mot de passe', FAST_SCRYPT)
    const second = await hashPassword('même mot de passe', FAST_SCRYPT)
    expect(first.salt).toHaveLength(SALT_BYTES)
    expect(first.salt.equals(second.salt)).toBe(false)
    expect(first.hash.equals(second.hash)).toBe(false)
  })

  it('verifies with the parameters stored with the hash, and flags older ones for re-hashing', async () => {
    const older = await hashPassword('Brume-sur-le-Sillon!47', FAST_SCRYPT)
    expect(await verifyPassword('Brume-sur-le-Sillon!47', older)).toBe(true)
    expect(needsRehash(older)).toBe(true)
    expect(needsRehash(older, FAST_SCRYPT)).toBe(false)
  })

  it('accepts an accented password whichever way its accents were encoded', async () => {
    const composed = 'Forêt-Élevée-à-Noël'.normalize('NFC')
    const decomposed = composed.normalize('NFD')
    expect(decomposed).not.toBe(composed)
    const stored = await hashPassword(composed, FAST_SCRYPT)
    expect(await verifyPassword(decomposed, stored)).toBe(true)
  })

  it('refuses when there is no account to check against', async () => {
    expect(await verifyAgainstNobody('Quai-des-Remparts#1758', FAST_SCRYPT)).toBe(false)
  })
})
