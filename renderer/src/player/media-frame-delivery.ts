import { decodeMediaFrame, type MediaFrame } from '../../../electron/shared/media-frames'
import type { MseSession } from './mse-session'

export type InitFrame = Extract<MediaFrame, { type: 'init' }>

/**
 * One media socket message to a player. An init segment goes to `onInit`, which decides whether it
 * starts a session; a fragment is appended to the session only if it belongs to that session's
 * generation (fragments of another cannot be decoded with its init segment). A malformed message is
 * skipped: the next init segment resynchronises the player.
 */
export function deliverMediaFrame(bytes: Uint8Array, session: MseSession | null, onInit: (init: InitFrame) => void): void {
  let frame: MediaFrame
  try {
    frame = decodeMediaFrame(bytes)
  } catch {
    return
  }
  if (frame.type === 'init') onInit(frame)
  else if (session?.generation === frame.generation) session.appendFragment(frame)
}
