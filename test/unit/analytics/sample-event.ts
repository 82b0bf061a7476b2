import type { NewEvent } from '../../../electron/core/events/event-store'

/** An intrusion alert as the pipeline hands it to the store, with a tiny JPEG; override what a test is about. */
export function sampleEvent(cameraId: string, at: number, overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    cameraId,
    ruleId: 'intrusion',
    ruleName: 'Intrusion',
    ruleKind: 'intrusion',
    moduleId: 'detection-intrusion',
    kind: 'intrusion',
    priority: 'normal',
    at,
    boxes: [{ x1: 0.1, y1: 0.2, x2: 0.3, y2: 0.4 }],
    trackIds: [7],
    details: { zone: 'z', class: 'person', dwellSeconds: 0 },
    alert: true,
    model: { id: 'nanodet-plus-416', name: 'NanoDet-Plus', scoreThreshold: 0.35, nmsIou: 0.6 },
    parameters: { minDwellSeconds: 0 },
    snapshot: { jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), width: 640, height: 360 },
    ...overrides
  }
}
