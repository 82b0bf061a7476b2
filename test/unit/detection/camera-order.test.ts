import { describe, expect, it } from 'vitest'
import { CameraOrder } from '../../../electron/core/analytics/detection/camera-order'

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: Error) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('per-camera ordering', () => {
  it('delivers a camera’s results in submission order even when they finish out of order', async () => {
    const order = new CameraOrder()
    const first = deferred<string>()
    const second = deferred<string>()
    const delivered: string[] = []
    const done = [order.sequence('a', first.promise), order.sequence('a', second.promise)].map((p) =>
      p.then((value) => delivered.push(value))
    )
    second.resolve('frame 2')
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(delivered).toEqual([])
    first.resolve('frame 1')
    await Promise.all(done)
    expect(delivered).toEqual(['frame 1', 'frame 2'])
  })

  it('does not make one camera wait for another, nor a frame wait on a failed one', async () => {
    const order = new CameraOrder()
    const stuck = deferred<string>()
    const failing = deferred<string>()
    const stuckResult = order.sequence('a', stuck.promise)
    await expect(order.sequence('b', Promise.resolve('b ready'))).resolves.toBe('b ready')
    const failed = order.sequence('c', failing.promise)
    const next = order.sequence('c', Promise.resolve('c next'))
    failing.reject(new Error('boom'))
    await expect(failed).rejects.toThrow('boom')
    await expect(next).resolves.toBe('c next')
    stuck.resolve('a late')
    await expect(stuckResult).resolves.toBe('a late')
  })
})
