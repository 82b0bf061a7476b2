import type { AlertPriority } from '../../../../electron/shared/scene'

/**
 * The chime of a new alert, synthesised with the Web Audio API: no sound file to ship, and a tone
 * that tells the priority apart (three rising notes for a high priority, two for the others).
 * Browsers start an AudioContext only after a user gesture, so `unlock()` is called from one.
 */
type AudioContextClass = typeof AudioContext

function audioContextClass(): AudioContextClass | null {
  if (typeof window === 'undefined') return null
  const scope = window as unknown as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass }
  return scope.AudioContext ?? scope.webkitAudioContext ?? null
}

/** Notes of each chime, in Hz, and how long each lasts. */
export const CHIMES: Record<AlertPriority | 'escalated', { notes: readonly number[]; noteSeconds: number }> = {
  high: { notes: [880, 1108.73, 1318.51], noteSeconds: 0.16 },
  normal: { notes: [784, 1046.5], noteSeconds: 0.18 },
  low: { notes: [659.25, 880], noteSeconds: 0.18 },
  escalated: { notes: [1318.51, 880, 1318.51], noteSeconds: 0.14 }
}

/** Chimes closer together than this are one: a burst of ten alerts is heard once. */
export const MIN_CHIME_INTERVAL_MS = 1500

export class AlertSound {
  private context: AudioContext | null = null
  private lastChimeAt = -Infinity

  /** Creates or resumes the audio context; call it from a click or a key press. */
  unlock(): void {
    const Context = audioContextClass()
    if (!Context) return
    try {
      this.context ??= new Context()
      if (this.context.state === 'suspended') void this.context.resume().catch(() => undefined)
    } catch {
      this.context = null
    }
  }

  get ready(): boolean {
    return this.context !== null && this.context.state === 'running'
  }

  /** Plays the chime unless one played a moment ago; returns whether it played. */
  play(kind: AlertPriority | 'escalated', now = performance.now()): boolean {
    if (now - this.lastChimeAt < MIN_CHIME_INTERVAL_MS) return false
    const context = this.context
    if (!context || context.state !== 'running') return false
    this.lastChimeAt = now
    const { notes, noteSeconds } = CHIMES[kind]
    const start = context.currentTime + 0.02
    const gain = context.createGain()
    gain.gain.value = 0
    gain.connect(context.destination)
    notes.forEach((frequency, index) => {
      const at = start + index * noteSeconds
      const oscillator = context.createOscillator()
      oscillator.type = 'sine'
      oscillator.frequency.setValueAtTime(frequency, at)
      // A short attack and decay per note: a chime, not a click.
      gain.gain.setValueAtTime(0.0001, at)
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.015)
      gain.gain.exponentialRampToValueAtTime(0.0001, at + noteSeconds * 0.95)
      oscillator.connect(gain)
      oscillator.start(at)
      oscillator.stop(at + noteSeconds)
    })
    setTimeout(() => gain.disconnect(), (notes.length * noteSeconds + 0.5) * 1000)
    return true
  }

  dispose(): void {
    void this.context?.close().catch(() => undefined)
    this.context = null
  }
}

/** The console's one chime: unlocked by any gesture, played by whichever screen is shown. */
export const alertSound = new AlertSound()
