import { useEffect } from 'react'
import type { PlaybackSpeed } from '../../player/playback-clock'
import type { PlaybackController } from './playback-controller'

/** What a key does on the playback screen, or null when it is not a playback shortcut. */
export type PlaybackKeyAction =
  | { kind: 'toggle' }
  | { kind: 'step'; direction: 1 | -1 }
  | { kind: 'jump'; deltaMs: number }
  | { kind: 'speed'; speed: PlaybackSpeed }

const SPEED_KEYS: Record<string, PlaybackSpeed> = { '1': 1, '2': 2, '4': 4, '8': 8 }

export const JUMP_MS = 10_000

export function playbackKeyAction(key: string, modifiers: { shift: boolean; ctrl: boolean; alt: boolean; meta: boolean; repeat: boolean }): PlaybackKeyAction | null {
  if (modifiers.ctrl || modifiers.alt || modifiers.meta) return null
  if (key === ' ' || key === 'Spacebar') return modifiers.repeat ? null : { kind: 'toggle' }
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const direction = key === 'ArrowLeft' ? -1 : 1
    return modifiers.shift ? { kind: 'jump', deltaMs: direction * JUMP_MS } : { kind: 'step', direction }
  }
  const speed = SPEED_KEYS[key]
  if (speed !== undefined && !modifiers.shift && !modifiers.repeat) return { kind: 'speed', speed }
  return null
}

/** Where typing goes to a field, keys belong to the field. */
function isTextEntry(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false
  if (element.isContentEditable) return true
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true
  if (element instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range'].includes(element.type)
  return false
}

/** Space on a button presses that button; it must not also play or pause. */
function isPressable(element: Element | null): boolean {
  if (!(element instanceof Element)) return false
  return element.closest('button, a[href], [role="button"], [role="tab"], input, summary') !== null
}

/**
 * The screen's keys: Space play/pause, ←/→ image by image, Shift+←/→ ten seconds, 1 2 4 8 the
 * speed. Ignored while typing in a field or with a dialog open.
 */
export function usePlaybackKeys(controller: PlaybackController | null): void {
  useEffect(() => {
    if (!controller) return
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return
      const target = event.target instanceof Element ? event.target : null
      if (isTextEntry(target)) return
      const action = playbackKeyAction(event.key, {
        shift: event.shiftKey,
        ctrl: event.ctrlKey,
        alt: event.altKey,
        meta: event.metaKey,
        repeat: event.repeat
      })
      if (!action) return
      if (action.kind === 'toggle' && isPressable(target)) return
      event.preventDefault()
      switch (action.kind) {
        case 'toggle':
          controller.toggle()
          return
        case 'step':
          controller.step(action.direction)
          return
        case 'jump':
          controller.jump(action.deltaMs)
          return
        case 'speed':
          controller.setSpeed(action.speed)
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [controller])
}
