import type { ClassGroup } from './types'

/** COCO ids of the classes the console cares about. */
export const COCO = {
  person: 0,
  bicycle: 1,
  car: 2,
  motorcycle: 3,
  bus: 5,
  truck: 7,
  backpack: 24,
  handbag: 26,
  suitcase: 28
} as const

const GROUP_OF_CLASS = new Map<number, ClassGroup>([
  [COCO.person, 'person'],
  // Seen from above, cars, vans, buses and trucks are mislabelled into each other from frame to frame.
  [COCO.car, 'vehicle'],
  [COCO.bus, 'vehicle'],
  [COCO.truck, 'vehicle'],
  // Same confusion between bicycles and motorcycles, especially with a rider hiding the frame.
  [COCO.bicycle, 'two-wheeler'],
  [COCO.motorcycle, 'two-wheeler'],
  [COCO.backpack, 'bag'],
  [COCO.handbag, 'bag'],
  [COCO.suitcase, 'bag']
])

export function classGroupOf(classId: number): ClassGroup {
  return GROUP_OF_CLASS.get(classId) ?? 'other'
}

/**
 * Whether a detection may continue a track. Classes outside the known groups only match their own
 * class, so an unrelated "other" object never takes over another one's track.
 */
export function canShareTrack(trackClassId: number, detectionClassId: number): boolean {
  const group = classGroupOf(trackClassId)
  if (group === 'other') return trackClassId === detectionClassId
  return group === classGroupOf(detectionClassId)
}
