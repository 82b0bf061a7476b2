import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { AnalyticsEvent } from '../../../../electron/shared/analytics-events'
import { CLASS_GROUPS, CROSSING_DIRECTIONS, RULE_KINDS, RULE_PARAMETERS, type Scene } from '../../../../electron/shared/scene'
import { useFormatters } from '../../i18n/format'
import { useCameras } from '../../stores/stores-context'
import { unitOf } from '../scene/scene-form'
import { isKnownClassLabel } from '../wall/track-label'
import { isKnownDetail, orderedDetails, type DetailValue } from './event-format'

type Direction = (typeof CROSSING_DIRECTIONS)[number]
type ClassGroup = (typeof CLASS_GROUPS)[number]
type ParamName = { [K in (typeof RULE_KINDS)[number]]: keyof (typeof RULE_PARAMETERS)[K] & string }[(typeof RULE_KINDS)[number]]

const PARAM_NAMES = new Set<string>(RULE_KINDS.flatMap((kind) => Object.keys(RULE_PARAMETERS[kind])))
const DENSITY_LEVELS = ['normal', 'elevated', 'critical'] as const
type DensityLevel = (typeof DENSITY_LEVELS)[number]

const isDirection = (value: unknown): value is Direction => (CROSSING_DIRECTIONS as readonly unknown[]).includes(value)
const isClassGroup = (value: unknown): value is ClassGroup => (CLASS_GROUPS as readonly unknown[]).includes(value)
const isDensityLevel = (value: unknown): value is DensityLevel => (DENSITY_LEVELS as readonly unknown[]).includes(value)

/** Everything the journal says about an event, in the language shown. */
export function useEventText(scenes: Record<string, Scene | null | undefined>) {
  const { t } = useTranslation()
  const format = useFormatters()
  const cameras = useCameras((state) => state.cameras)
  const cameraNames = useMemo(() => new Map(cameras.map((camera) => [camera.id, camera.name])), [cameras])

  const cameraName = useCallback((cameraId: string) => cameraNames.get(cameraId) ?? t('events.unknownCamera', { id: cameraId }), [cameraNames, t])

  const plain = useCallback(
    (value: unknown): string => {
      if (typeof value === 'number') return format.decimal(value)
      if (typeof value === 'boolean') return value ? t('events.yes') : t('events.no')
      if (isDirection(value)) return t(`analytics.directions.${value}`)
      if (isClassGroup(value)) return t(`analytics.classGroups.${value}`)
      if (Array.isArray(value)) return value.map((item) => plain(item)).join(', ')
      if (value && typeof value === 'object') return Object.values(value as Record<string, unknown>).map((item) => plain(item)).join(' / ')
      return String(value ?? '')
    },
    [format, t]
  )

  const detailValue = useCallback(
    (key: string, value: DetailValue, cameraId: string): string => {
      if (key === 'class' && typeof value === 'string') return isKnownClassLabel(value) ? t(`analytics.classLabels.${value}`) : value
      if (key === 'zone' && typeof value === 'string') return scenes[cameraId]?.zones.find((zone) => zone.id === value)?.name ?? value
      if ((key === 'level' || key === 'previousLevel') && isDensityLevel(value)) return t(`analytics.densityLevels.${value}`)
      return plain(value)
    },
    [plain, scenes, t]
  )

  const detailLabel = useCallback((key: string) => (isKnownDetail(key) ? t(`events.details.${key}`) : key), [t])

  const details = useCallback(
    (event: AnalyticsEvent): Array<{ key: string; label: string; value: string }> => {
      // The zone's name as it was when the event was raised wins over today's scene.
      const { zoneName, ...rest } = event.details
      const named = typeof zoneName === 'string' && typeof rest.zone === 'string' ? { ...rest, zone: zoneName } : rest
      return orderedDetails(named).map(([key, value]) => ({
        key,
        label: detailLabel(key),
        value: key === 'zone' && named !== rest ? String(value) : detailValue(key, value, event.cameraId)
      }))
    },
    [detailLabel, detailValue]
  )

  const parameterLabel = useCallback((key: string) => (PARAM_NAMES.has(key) ? t(`scene.parameters.${key as ParamName}`) : key), [t])

  /** A rule parameter's value with its unit (« 30 secondes », « 2 / 4 personnes/m² »). */
  const parameterValue = useCallback(
    (key: string, value: unknown) => {
      const unit = PARAM_NAMES.has(key) ? (key === 'thresholds' ? 'personsPerM2' : unitOf(key as ParamName)) : null
      const text = plain(value)
      return unit && unit !== 'fraction' && typeof value !== 'boolean' ? `${text} ${t(`scene.units.${unit}`)}` : text
    },
    [plain, t]
  )

  return { cameraName, details, parameterLabel, parameterValue, plain }
}
