import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

/** Detector class names with a translation; any other name is shown as the detector gives it. */
const KNOWN_CLASS_LABELS = ['person', 'car', 'bus', 'truck', 'bicycle', 'motorcycle', 'backpack', 'handbag', 'suitcase'] as const
type KnownClassLabel = (typeof KNOWN_CLASS_LABELS)[number]

export function isKnownClassLabel(label: string): label is KnownClassLabel {
  return (KNOWN_CLASS_LABELS as readonly string[]).includes(label)
}

/** « person » → « personne »; an unknown class keeps the detector's word, or its group's name when it has none. */
export function useTrackLabel(): (label: string, group: 'person' | 'vehicle' | 'two-wheeler' | 'bag' | 'other') => string {
  const { t } = useTranslation()
  return useCallback(
    (label, group) => (isKnownClassLabel(label) ? t(`analytics.classLabels.${label}`) : label.trim() || t(`analytics.classGroups.${group}`)),
    [t]
  )
}
