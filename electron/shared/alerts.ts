import { z } from 'zod'
import { AnalyticsEventSchema, EventKindSchema } from './analytics-events'
import { CameraIdSchema } from './camera'
import { AlertPrioritySchema } from './scene'

/**
 * Human review of every alert the analytics raise (the law wants algorithmic alerts confirmed by a
 * person). An alert is new, then in review by one operator, then confirmed or dismissed as a false
 * alarm; escalated alerts (by an operator, or by the clock when nobody took them in time) wait for
 * a supervisor. Nothing leaves the queue without a person's decision.
 */
export const ALERT_STATES = ['new', 'in_review', 'escalated', 'confirmed', 'false_alarm'] as const
export const AlertStateSchema = z.enum(ALERT_STATES)
export type AlertState = z.infer<typeof AlertStateSchema>
export const OPEN_ALERT_STATES: readonly AlertState[] = ['new', 'in_review', 'escalated']

export const ALERT_DECISIONS = ['confirmed', 'false_alarm', 'escalated'] as const
export const AlertDecisionSchema = z.enum(ALERT_DECISIONS)
export type AlertDecision = z.infer<typeof AlertDecisionSchema>

/** Why an alert was dismissed or escalated: stable codes, so quality statistics can group them. */
export const DECISION_REASONS = ['no-object', 'wrong-class', 'authorised-person', 'shadow-or-light', 'animal', 'duplicate', 'needs-supervisor', 'other'] as const
export const DecisionReasonSchema = z.enum(DECISION_REASONS)

export const AlertSchema = AnalyticsEventSchema.extend({
  state: AlertStateSchema,
  /** Who has it in review (or had, when decided). */
  owner: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.number().nullable(),
  reason: DecisionReasonSchema.nullable(),
  note: z.string().nullable(),
  escalatedAt: z.number().nullable(),
  /** `system` when the clock escalated it. */
  escalatedBy: z.string().nullable()
})
export type Alert = z.infer<typeof AlertSchema>

export const AlertQuerySchema = z
  .object({
    cameraId: CameraIdSchema.optional(),
    ruleId: z.string().max(64).optional(),
    kinds: z.array(EventKindSchema).max(16).optional(),
    states: z.array(AlertStateSchema).max(ALERT_STATES.length).optional(),
    priority: AlertPrioritySchema.optional(),
    /** Who decided (or has it in review). */
    operator: z.string().max(64).optional(),
    from: z.number().optional(),
    to: z.number().optional(),
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).default(100)
  })
  .strict()
export type AlertQuery = z.infer<typeof AlertQuerySchema>

export const DecideAlertsSchema = z
  .object({
    /** One alert, or a burst on one camera decided at once. */
    eventIds: z.array(z.number().int().positive()).min(1).max(200),
    decision: AlertDecisionSchema,
    reason: DecisionReasonSchema.optional(),
    note: z.string().trim().max(2000).optional()
  })
  .strict()
  .superRefine((input, context) => {
    if (input.decision === 'confirmed') return
    if (!input.reason) context.addIssue({ code: z.ZodIssueCode.custom, path: ['reason'], message: 'un motif est obligatoire pour écarter ou escalader une alerte' })
    if (!input.note || input.note.length < 3) context.addIssue({ code: z.ZodIssueCode.custom, path: ['note'], message: 'une note est obligatoire pour écarter ou escalader une alerte' })
  })
export type DecideAlerts = z.infer<typeof DecideAlertsSchema>

/** False alarms per rule and camera, for supervisors deciding what to recalibrate. */
export const AlertQualitySchema = z.object({
  cameraId: CameraIdSchema,
  ruleId: z.string(),
  ruleName: z.string(),
  decided: z.number().int(),
  confirmed: z.number().int(),
  falseAlarms: z.number().int(),
  falseAlarmShare: z.number(),
  /** Most frequent dismissal reason, if any. */
  topReason: DecisionReasonSchema.nullable(),
  /** Set when the share is high enough, over enough decisions, to suggest a recalibration. */
  suggestion: z.string().nullable()
})
export type AlertQuality = z.infer<typeof AlertQualitySchema>
