import { createHmac, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { HmacSha256 } from '../../../electron/core/audit/hmac-sha256'

const reference = (key: Uint8Array, message: string): string => createHmac('sha256', key).update(message, 'utf8').digest('hex')

describe('HmacSha256', () => {
  it.each([0, 1, 32, 63, 64, 65, 200])('matches createHmac for a %i-byte key', (keyBytes) => {
    const key = randomBytes(keyBytes)
    const mac = new HmacSha256(key)
    for (const message of ['', 'a', 'journal d’audit — œuvre à ça', '😀'.repeat(10), 'x'.repeat(55), 'y'.repeat(64)]) {
      expect(mac.hex(message)).toBe(reference(key, message))
    }
  })

  it('matches createHmac for messages longer than its buffer, and shorter ones after them', () => {
    const key = randomBytes(32)
    const mac = new HmacSha256(key)
    // Lengths straddling the initial 1 KiB buffer and its growth; multi-byte text changes byte counts.
    const messages = [1023, 1024, 1025, 5000, 10, 70_000, 3].map((length, index) => 'é€'.repeat(index).concat('z'.repeat(length)))
    for (const message of messages) expect(mac.hex(message)).toBe(reference(key, message))
  })

  it('gives the published RFC 4231 test vector (case 2)', () => {
    const mac = new HmacSha256(Buffer.from('Jefe'))
    expect(mac.hex('what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
  })
})
