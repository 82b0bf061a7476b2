import { describe, expect, it } from 'vitest'
import { SnapshotEncoder } from '../../../electron/core/analytics/frame/snapshot-encoder'
import { decodeJpeg } from '../../../electron/core/analytics/frame/snapshot-jpeg'

describe('SnapshotEncoder', () => {
  it('encodes in a worker thread, in order, and reports a bad frame without stopping', async () => {
    const encoder = new SnapshotEncoder()
    try {
      const frame = (shade: number) => ({ width: 64, height: 32, data: new Uint8Array(64 * 32 * 3).fill(shade) })
      const [dark, light] = await Promise.all([encoder.encode(frame(20)), encoder.encode(frame(230))])
      expect(decodeJpeg(dark)).toMatchObject({ width: 64, height: 32 })
      expect(Math.abs(decodeJpeg(dark).data[100] - 20)).toBeLessThan(4)
      expect(Math.abs(decodeJpeg(light).data[100] - 230)).toBeLessThan(4)
      await expect(encoder.encode({ width: 64, height: 32, data: new Uint8Array(10) })).rejects.toThrow(/too short/)
      expect(decodeJpeg(await encoder.encode(frame(128))).width).toBe(64)
    } finally {
      await encoder.close()
    }
  })
})
