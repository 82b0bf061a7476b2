import { associate, type Candidate } from './association'
import { DEFAULT_MOTION_NOISE, type MotionNoise } from './box-motion-model'
import { Track } from './track'
import type { Detection, DetectionFrame, TrackSnapshot } from './types'

export interface TrackerOptions {
  /** Detections at or above this score drive the first association stage and may start tracks. */
  highScore: number
  /** Detections below this are noise; between low and high they may only continue a track. */
  lowScore: number
  /** Minimum score for a detection left unmatched to start a new track. */
  newTrackScore: number
  /** IoU needed between a predicted box and a high-score detection. */
  firstStageMinIoU: number
  /** Stricter IoU for low-score detections, which are often background clutter. */
  secondStageMinIoU: number
  /** IoU needed to continue a not-yet-confirmed track. */
  tentativeMinIoU: number
  /** Consecutive hits before a track is published; a tentative track dies at its first miss. */
  hitsToConfirm: number
  /** Frames a confirmed track survives unseen (occlusion); about 1.5 s at 5 fps. */
  maxLostFrames: number
  /** Centre points kept per track. */
  historyLength: number
  /** Frame interval assumed for the first frame or when timestamps do not advance. */
  nominalFrameIntervalMs: number
  motionNoise: MotionNoise
}

export const DEFAULT_TRACKER_OPTIONS: TrackerOptions = {
  highScore: 0.5,
  lowScore: 0.1,
  newTrackScore: 0.5,
  firstStageMinIoU: 0.2,
  secondStageMinIoU: 0.5,
  tentativeMinIoU: 0.3,
  hitsToConfirm: 3,
  maxLostFrames: 8,
  historyLength: 150,
  nominalFrameIntervalMs: 200,
  motionNoise: DEFAULT_MOTION_NOISE
}

/**
 * Multi-object tracker in the spirit of ByteTrack: high-score detections are matched first to all
 * confirmed and lost tracks; the low-score detections left over then rescue confirmed tracks the
 * detector is losing confidence in (partial occlusion, motion blur) instead of being thrown away;
 * only then may tentative tracks continue and new tracks start. One instance per camera.
 */
export class MultiObjectTracker {
  private readonly options: TrackerOptions
  private tracks: Track[] = []
  private nextId = 1
  private lastFrameAt: number | null = null

  constructor(options: Partial<TrackerOptions> = {}) {
    this.options = { ...DEFAULT_TRACKER_OPTIONS, ...options }
  }

  /** Feeds one frame and returns the confirmed tracks seen in it. */
  update(frame: DetectionFrame): TrackSnapshot[] {
    const dtSeconds = this.elapsedSeconds(frame.at)
    for (const track of this.tracks) track.predict(dtSeconds)

    const high = frame.detections.filter((d) => d.score >= this.options.highScore)
    const low = frame.detections.filter((d) => d.score >= this.options.lowScore && d.score < this.options.highScore)
    const established = this.tracks.filter((t) => t.state !== 'tentative')
    const tentative = this.tracks.filter((t) => t.state === 'tentative')

    const first = this.matchAndUpdate(established, high, this.options.firstStageMinIoU, frame.at)
    const stillConfirmed = first.tracks.filter((t) => t.state === 'confirmed')
    const second = this.matchAndUpdate(stillConfirmed, low, this.options.secondStageMinIoU, frame.at)
    const third = this.matchAndUpdate(tentative, first.detections, this.options.tentativeMinIoU, frame.at)

    const missed = new Set([...first.tracks.filter((t) => t.state === 'lost'), ...second.tracks, ...third.tracks])
    for (const track of missed) track.markMissed()
    this.tracks = this.tracks.filter((track) => !missed.has(track) || this.survivesMiss(track))

    for (const detection of third.detections) {
      if (detection.score >= this.options.newTrackScore) this.startTrack(detection, frame.at)
    }
    return this.tracks.filter((t) => t.state === 'confirmed').map((t) => t.snapshot())
  }

  /** Confirmed tracks currently hidden, at their predicted positions (for display or debugging). */
  lostTracks(): TrackSnapshot[] {
    return this.tracks.filter((t) => t.state === 'lost').map((t) => t.snapshot())
  }

  private survivesMiss(track: Track): boolean {
    return track.state === 'lost' && track.missedFrames <= this.options.maxLostFrames
  }

  /** Associates, updates the matched tracks, and returns what is left on both sides. */
  private matchAndUpdate(
    tracks: readonly Track[],
    detections: readonly Detection[],
    minIoU: number,
    at: number
  ): { tracks: Track[]; detections: Detection[] } {
    const candidates: Candidate[] = tracks.map((t) => ({ box: t.box, classId: t.classId }))
    const offered: Candidate[] = detections.map((d) => ({ box: d, classId: d.classId }))
    const result = associate(candidates, offered, minIoU)
    for (const { track, detection } of result.matches) tracks[track].update(detections[detection], at, this.options.hitsToConfirm)
    return {
      tracks: result.unmatchedTracks.map((index) => tracks[index]),
      detections: result.unmatchedDetections.map((index) => detections[index])
    }
  }

  private startTrack(detection: Detection, at: number): void {
    const track = new Track(this.nextId++, detection, at, this.options.motionNoise, this.options.historyLength)
    if (this.options.hitsToConfirm <= 1) track.state = 'confirmed'
    this.tracks.push(track)
  }

  private elapsedSeconds(at: number): number {
    const previous = this.lastFrameAt
    this.lastFrameAt = at
    const elapsed = previous === null ? 0 : at - previous
    return (elapsed > 0 ? elapsed : this.options.nominalFrameIntervalMs) / 1000
  }
}
