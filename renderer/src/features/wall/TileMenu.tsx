import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import { useTranslation } from 'react-i18next'
import type { CameraView } from '../../../../electron/shared/camera'

export interface TileMenuProps {
  index: number
  cameraId: string | null
  cameras: CameraView[]
  overlays: boolean
  onAssign: (cameraId: string | null) => void
  onOverlaysChange: (overlays: boolean) => void
  /** Opens the camera's zones and rules; absent when the person may not change them. */
  onEditScene?: () => void
}

/**
 * Per-tile actions, usable without a mouse. Non-modal on purpose: a modal Radix menu locks page
 * scrolling with an injected <style>, which the Content-Security-Policy refuses.
 */
export function TileMenu({ index, cameraId, cameras, overlays, onAssign, onOverlaysChange, onEditScene }: TileMenuProps) {
  const { t } = useTranslation()
  // Overlays only mean something on a camera that asks for analytics.
  const withAnalytics = (cameras.find((camera) => camera.id === cameraId)?.analytics.length ?? 0) > 0
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          className="tile__menu-button"
          aria-label={t('wall.tile.menu', { number: index + 1 })}
          data-testid={`tile-menu-${index}`}
          // Opening the menu must not also toggle the single view.
          onDoubleClick={(event) => event.stopPropagation()}
        >
          <span aria-hidden="true">⋮</span>
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4} collisionPadding={8}>
          <DropdownMenu.Sub>
            <DropdownMenu.SubTrigger className="menu__item menu__item--sub" data-testid={`tile-menu-choose-${index}`}>
              {t('wall.tile.chooseCamera')}
              <span className="menu__chevron" aria-hidden="true">
                ›
              </span>
            </DropdownMenu.SubTrigger>
            <DropdownMenu.Portal>
              <DropdownMenu.SubContent className="menu menu--scroll" sideOffset={2} collisionPadding={8}>
                {cameras.length === 0 ? (
                  <DropdownMenu.Item className="menu__item" disabled>
                    {t('wall.tile.noCameras')}
                  </DropdownMenu.Item>
                ) : (
                  <DropdownMenu.RadioGroup value={cameraId ?? ''} onValueChange={(value) => onAssign(value)}>
                    {cameras.map((camera) => (
                      <DropdownMenu.RadioItem
                        key={camera.id}
                        value={camera.id}
                        className="menu__item"
                        disabled={!camera.enabled}
                        data-testid={`tile-menu-camera-${index}-${camera.id}`}
                      >
                        <DropdownMenu.ItemIndicator className="menu__indicator">●</DropdownMenu.ItemIndicator>
                        {camera.name}
                      </DropdownMenu.RadioItem>
                    ))}
                  </DropdownMenu.RadioGroup>
                )}
              </DropdownMenu.SubContent>
            </DropdownMenu.Portal>
          </DropdownMenu.Sub>
          <DropdownMenu.Item
            className="menu__item"
            disabled={cameraId === null}
            onSelect={() => onAssign(null)}
            data-testid={`tile-menu-remove-${index}`}
          >
            {t('wall.tile.remove')}
          </DropdownMenu.Item>
          {cameraId !== null && withAnalytics ? (
            <DropdownMenu.CheckboxItem
              className="menu__item"
              checked={overlays}
              onCheckedChange={onOverlaysChange}
              data-testid={`tile-menu-overlays-${index}`}
            >
              <DropdownMenu.ItemIndicator className="menu__indicator">✓</DropdownMenu.ItemIndicator>
              {t('wall.tile.overlays')}
              <span className="menu__shortcut" aria-hidden="true">
                O
              </span>
            </DropdownMenu.CheckboxItem>
          ) : null}
          {cameraId !== null && onEditScene ? (
            <>
              <DropdownMenu.Separator className="menu__separator" />
              <DropdownMenu.Item className="menu__item" onSelect={onEditScene} data-testid={`tile-menu-scene-${index}`}>
                {t('wall.tile.editScene')}
              </DropdownMenu.Item>
            </>
          ) : null}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}
