import { intersectionOverUnion } from './box-geometry'
import { canShareTrack } from './class-groups'
import { solveAssignment } from './hungarian'
import type { Box } from './types'

export interface Candidate {
  box: Box
  classId: number
}

export interface AssociationResult {
  /** Pairs of indices into the track and detection lists. */
  matches: Array<{ track: number; detection: number }>
  unmatchedTracks: number[]
  unmatchedDetections: number[]
}

/** Cost of a forbidden pair: far above any real cost (1 − IoU ≤ 1) so the solver avoids it. */
const FORBIDDEN = 1e6

/**
 * Pairs tracks (at their predicted boxes) with detections by IoU, never across class groups,
 * keeping only pairs whose IoU reaches `minIoU`.
 */
export function associate(tracks: readonly Candidate[], detections: readonly Candidate[], minIoU: number): AssociationResult {
  const cost = tracks.map((track) =>
    detections.map((detection) => {
      if (!canShareTrack(track.classId, detection.classId)) return FORBIDDEN
      const iou = intersectionOverUnion(track.box, detection.box)
      return iou >= minIoU ? 1 - iou : FORBIDDEN
    })
  )
  const assignment = solveAssignment(cost)
  const matches: AssociationResult['matches'] = []
  const usedDetections = new Set<number>()
  const unmatchedTracks: number[] = []
  assignment.forEach((detection, track) => {
    if (detection >= 0 && cost[track][detection] < FORBIDDEN) {
      matches.push({ track, detection })
      usedDetections.add(detection)
    } else {
      unmatchedTracks.push(track)
    }
  })
  const unmatchedDetections = detections.map((_, index) => index).filter((index) => !usedDetections.has(index))
  return { matches, unmatchedTracks, unmatchedDetections }
}
