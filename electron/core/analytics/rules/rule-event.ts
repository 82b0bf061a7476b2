import type { Box, TrackSnapshot } from '../tracking/types'

/** What the rule engine receives for one analysed frame of one camera. */
export interface RuleFrame {
  /** Frame time in milliseconds. */
  at: number
  /** Confirmed tracks seen in this frame. */
  tracks: readonly TrackSnapshot[]
  /**
   * Regions (frame pixels) where the image differs persistently from the camera's long-term
   * background reference, as computed by the caller (for example a slow running-average
   * background, thresholded and grouped into boxes). Only the object-removed rule reads it.
   * Omitted when the caller did not compute it this frame: the rule then simply waits.
   */
  changedRegions?: readonly Box[]
}

export type RuleEventKind =
  | 'intrusion'
  | 'zone-exit'
  | 'line-crossing'
  | 'loitering'
  | 'object-left'
  | 'object-removed'
  | 'unusual-speed'
  | 'dispersal'
  | 'crowd-density'
  | 'people-count'

/** Flat, JSON-safe facts about an event (no image, no face, no biometric attribute). */
export type EventDetails = Readonly<Record<string, string | number | boolean>>

/** What one rule reports about one frame, before the engine stamps camera, rule and time. */
export interface RuleOutcome {
  kind: RuleEventKind
  trackIds: number[]
  boxes: Box[]
  details: EventDetails
}

export interface RuleEvent extends RuleOutcome {
  /** Id of the rule definition that fired. */
  rule: string
  cameraId: string
  at: number
}

/** One configured rule, holding whatever memory it needs between frames. */
export interface RuleEvaluator {
  evaluate(frame: RuleFrame): RuleOutcome[]
}
