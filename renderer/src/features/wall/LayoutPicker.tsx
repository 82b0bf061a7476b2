import { useTranslation } from 'react-i18next'
import { WALL_LAYOUTS, type WallLayout } from '../../../../electron/shared/settings'

export interface LayoutPickerProps {
  value: WallLayout
  onChange: (layout: WallLayout) => void
  disabled?: boolean
}

export function LayoutPicker({ value, onChange, disabled }: LayoutPickerProps) {
  const { t } = useTranslation()
  return (
    <div className="segmented" role="group" aria-label={t('wall.layout.label')}>
      {WALL_LAYOUTS.map((layout) => (
        <button
          key={layout}
          type="button"
          className="segmented__option"
          aria-pressed={value === layout}
          title={t(`wall.layout.title${layout}`)}
          aria-label={t(`wall.layout.title${layout}`)}
          data-testid={`layout-${layout}`}
          disabled={disabled}
          onClick={() => onChange(layout)}
        >
          <span className="layout-icon" data-layout={layout} aria-hidden="true" />
          {t(`wall.layout.option${layout}`)}
        </button>
      ))}
    </div>
  )
}
