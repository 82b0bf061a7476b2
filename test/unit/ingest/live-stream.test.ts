import { describe, expect, it } from 'vitest'
import { LiveStream, type MediaListener, type MediaMessage } from '../../../electron/core/ingest/live-stream'

const INIT_A = { codec: 'avc1.4D401E', data: Uint8Array.of(1) }
const INIT_B = { codec: 'avc1.640028', data: Uint8Array.of(2) }

/** A fragment whose single byte is its number, so the order of delivery is easy to read. */
function frag(n: number, keyframe: boolean) {
  return { keyframe, data: Uint8Array.of(n), receivedAt: 1000 + n }
}

class Recorder implements MediaListener {
  readonly messages: MediaMessage[] = []
  buffered = 0

  onMessage(message: MediaMessage): void {
    this.messages.push(message)
  }

  bufferedAmount(): number {
    return this.buffered
  }

  /** 'init:<generation>' or the fragment's number, in delivery order. */
  get trace(): Array<string | number> {
    return this.messages.map((message) => (message.type === 'init' ? `init:${message.generation}` : (message.data[0] ?? -1)))
  }
}

describe('LiveStream', () => {
  it('sends the init segment, then fragments from the first keyframe on', () => {
    const stream = new LiveStream()
    const viewer = new Recorder()
    stream.subscribe(viewer)
    stream.publishInit(INIT_A)
    stream.publishFragment(frag(1, true))
    stream.publishFragment(frag(2, false))
    expect(viewer.messages).toEqual([
      { type: 'init', generation: 1, codec: 'avc1.4D401E', data: INIT_A.data },
      { type: 'fragment', generation: 1, keyframe: true, receivedAt: 1001, data: Uint8Array.of(1) },
      { type: 'fragment', generation: 1, keyframe: false, receivedAt: 1002, data: Uint8Array.of(2) }
    ])
  })

  it('gives a late subscriber the init segment at once and starts it at the next keyframe, never mid-GOP', () => {
    const stream = new LiveStream()
    stream.publishInit(INIT_A)
    stream.publishFragment(frag(1, true))
    stream.publishFragment(frag(2, false))
    const late = new Recorder()
    stream.subscribe(late)
    expect(late.trace).toEqual(['init:1'])
    stream.publishFragment(frag(3, false))
    stream.publishFragment(frag(4, true))
    stream.publishFragment(frag(5, false))
    expect(late.trace).toEqual(['init:1', 4, 5])
  })

  it('sends every subscriber the new init segment when ffmpeg restarts, with a new generation', () => {
    const stream = new LiveStream()
    const early = new Recorder()
    stream.subscribe(early)
    stream.publishInit(INIT_A)
    stream.publishFragment(frag(1, true))
    const late = new Recorder()
    stream.subscribe(late)
    stream.publishInit(INIT_B)
    stream.publishFragment(frag(2, true))
    expect(stream.generation).toBe(2)
    expect(early.trace).toEqual(['init:1', 1, 'init:2', 2])
    expect(late.trace).toEqual(['init:1', 'init:2', 2])
    expect(late.messages[1]).toMatchObject({ type: 'init', codec: 'avc1.640028' })
    expect(late.messages[2]).toMatchObject({ type: 'fragment', generation: 2 })
  })

  it('waits for a keyframe after a new init, even if the first fragment is not one', () => {
    const stream = new LiveStream()
    const viewer = new Recorder()
    stream.subscribe(viewer)
    stream.publishInit(INIT_A)
    stream.publishFragment(frag(1, true))
    stream.publishInit(INIT_B)
    stream.publishFragment(frag(2, false))
    stream.publishFragment(frag(3, true))
    expect(viewer.trace).toEqual(['init:1', 1, 'init:2', 3])
  })

  it('drops fragments before any init segment, which nobody could decode', () => {
    const stream = new LiveStream()
    const viewer = new Recorder()
    stream.subscribe(viewer)
    stream.publishFragment(frag(1, true))
    expect(viewer.messages).toEqual([])
    expect(stream.generation).toBe(0)
  })

  it('skips a slow viewer ahead to the next keyframe instead of letting its latency grow', () => {
    const stream = new LiveStream({ maxBufferedBytes: 100 })
    const slow = new Recorder()
    const fast = new Recorder()
    stream.subscribe(slow)
    stream.subscribe(fast)
    stream.publishInit(INIT_A)
    stream.publishFragment(frag(1, true))
    slow.buffered = 500 // its socket is backed up
    stream.publishFragment(frag(2, false))
    slow.buffered = 0 // drained, but in the middle of a GOP it cannot resume yet
    stream.publishFragment(frag(3, false))
    slow.buffered = 500 // backed up again just as the keyframe comes: it waits for the next one
    stream.publishFragment(frag(4, true))
    slow.buffered = 0
    stream.publishFragment(frag(5, false))
    stream.publishFragment(frag(6, true))
    stream.publishFragment(frag(7, false))
    expect(slow.trace).toEqual(['init:1', 1, 6, 7])
    expect(fast.trace).toEqual(['init:1', 1, 2, 3, 4, 5, 6, 7])
  })

  it('always delivers init segments, even to a backed-up viewer', () => {
    const stream = new LiveStream({ maxBufferedBytes: 10 })
    const slow = new Recorder()
    slow.buffered = 1000
    stream.subscribe(slow)
    stream.publishInit(INIT_A)
    expect(slow.trace).toEqual(['init:1'])
  })

  it('stops delivering after unsubscribe', () => {
    const stream = new LiveStream()
    const viewer = new Recorder()
    const unsubscribe = stream.subscribe(viewer)
    stream.publishInit(INIT_A)
    unsubscribe()
    stream.publishFragment(frag(1, true))
    expect(viewer.trace).toEqual(['init:1'])
    expect(stream.subscriberCount).toBe(0)
  })

  it('removes a listener that throws, without disturbing the others', () => {
    const errors: unknown[] = []
    const stream = new LiveStream({ onListenerError: (error) => errors.push(error) })
    const viewer = new Recorder()
    stream.subscribe({
      onMessage: () => {
        throw new Error('socket gone')
      }
    })
    stream.subscribe(viewer)
    stream.publishInit(INIT_A)
    stream.publishFragment(frag(1, true))
    expect(viewer.trace).toEqual(['init:1', 1])
    expect(errors).toHaveLength(1)
    expect(stream.subscriberCount).toBe(1)
  })

  it('stamps receivedAt with the current time when the caller gives none', () => {
    const stream = new LiveStream()
    const viewer = new Recorder()
    stream.subscribe(viewer)
    stream.publishInit(INIT_A)
    const before = Date.now()
    stream.publishFragment({ keyframe: true, data: Uint8Array.of(9) })
    const message = viewer.messages[1]
    expect(message?.type === 'fragment' && message.receivedAt >= before && message.receivedAt <= Date.now()).toBe(true)
  })
})
