import { hash } from 'node:crypto'

const BLOCK_BYTES = 64
const DIGEST_BYTES = 32

/**
 * HMAC-SHA256 (RFC 2104), the same bytes as `createHmac('sha256', key)`, at about twice its speed:
 * verifying a million-entry audit chain is dominated by this function, and `createHmac` pays for a
 * new native object and the key schedule on every call. Here the padded key blocks are prepared once
 * and each MAC is two one-shot hashes over reused buffers.
 *
 * Not reentrant: one instance per thread of use (the buffers are shared between calls).
 */
export class HmacSha256 {
  /** (key ⊕ ipad) followed by room for the message; grows when a message does not fit. */
  private inner: Buffer
  /** (key ⊕ opad) followed by the inner digest. */
  private readonly outer = Buffer.alloc(BLOCK_BYTES + DIGEST_BYTES)
  private readonly innerPad: Buffer

  constructor(key: Uint8Array) {
    // Keys longer than a block are hashed first (RFC 2104 §2); shorter ones are zero-padded.
    const block = Buffer.alloc(BLOCK_BYTES)
    if (key.length > BLOCK_BYTES) hash('sha256', key, 'buffer').copy(block)
    else block.set(key)
    this.innerPad = Buffer.from(block.map((byte) => byte ^ 0x36))
    this.inner = this.allocateInner(1024)
    Buffer.from(block.map((byte) => byte ^ 0x5c)).copy(this.outer)
    block.fill(0)
  }

  /** The MAC of a string's UTF-8 bytes, in lowercase hexadecimal. */
  hex(message: string): string {
    const length = Buffer.byteLength(message, 'utf8')
    if (BLOCK_BYTES + length > this.inner.length) this.inner = this.allocateInner(length * 2)
    this.inner.write(message, BLOCK_BYTES, 'utf8')
    // 'binary' (latin1) moves the 32 digest bytes as a short string: measurably cheaper than a new Buffer.
    const innerDigest = hash('sha256', this.inner.subarray(0, BLOCK_BYTES + length), 'binary')
    this.outer.write(innerDigest, BLOCK_BYTES, 'latin1')
    return hash('sha256', this.outer, 'hex')
  }

  private allocateInner(messageBytes: number): Buffer {
    const buffer = Buffer.alloc(BLOCK_BYTES + messageBytes)
    this.innerPad.copy(buffer)
    return buffer
  }
}
