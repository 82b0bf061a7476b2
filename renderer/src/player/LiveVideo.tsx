import { useEffect, useRef } from 'react'
import { LivePlayer } from './live-player'
import type { LiveStats, PlayerProblem } from './types'

export interface LiveVideoProps {
  /** Must keep its identity while the same camera is shown: a new function restarts the stream. */
  openUrl: () => Promise<string>
  onStats?: (stats: LiveStats) => void
  onProblem?: (problem: PlayerProblem | null) => void
  /** The picture's own size, once known and whenever it changes: what overlays need to line up with it. */
  onVideoSize?: (size: { width: number; height: number }) => void
  label: string
  testId?: string
  className?: string
}

/** The React face of LivePlayer: one <video>, one player for as long as the element is mounted. */
export function LiveVideo({ openUrl, onStats, onProblem, onVideoSize, label, testId, className }: LiveVideoProps) {
  const videoRef = useRef<HTMLVideoElement>(null)
  // Callbacks change on every render of the parent; the player keeps running and reads the latest.
  const callbacks = useRef({ onStats, onProblem, onVideoSize })
  useEffect(() => {
    callbacks.current = { onStats, onProblem, onVideoSize }
  })

  useEffect(() => {
    const video = videoRef.current
    if (!video) return
    // 'resize' fires when the stream's resolution changes, 'loadedmetadata' when it is first known.
    const report = (): void => {
      if (video.videoWidth > 0 && video.videoHeight > 0) callbacks.current.onVideoSize?.({ width: video.videoWidth, height: video.videoHeight })
    }
    report()
    video.addEventListener('loadedmetadata', report)
    video.addEventListener('resize', report)
    return () => {
      video.removeEventListener('loadedmetadata', report)
      video.removeEventListener('resize', report)
    }
  }, [])

  useEffect(() => {
    const video = videoRef.current
    if (!video) return
    const player = new LivePlayer(video, {
      openUrl,
      onStats: (stats) => callbacks.current.onStats?.(stats),
      onProblem: (problem) => callbacks.current.onProblem?.(problem)
    })
    player.start()
    return () => {
      player.dispose()
      callbacks.current.onProblem?.(null)
    }
  }, [openUrl])

  return (
    <video
      ref={videoRef}
      className={className}
      data-testid={testId}
      aria-label={label}
      muted
      autoPlay
      playsInline
      disablePictureInPicture
      disableRemotePlayback
    />
  )
}
