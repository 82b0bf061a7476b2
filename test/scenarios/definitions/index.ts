import type { ScenarioDefinition } from '../recipe'
import { crowdDensity } from './crowd-density'
import { intrusion } from './intrusion'
import { lineCrossing } from './line-crossing'
import { loitering } from './loitering'
import { objectLeft } from './object-left'
import { objectRemoved } from './object-removed'
import { peopleCounting } from './people-counting'
import { unusualMovement } from './unusual-movement'
import { zoneExit } from './zone-exit'

/** Every scenario, at least one per rule kind. */
export const ALL_SCENARIOS: ScenarioDefinition[] = [intrusion, zoneExit, loitering, lineCrossing, objectLeft, objectRemoved, unusualMovement, crowdDensity, peopleCounting]
