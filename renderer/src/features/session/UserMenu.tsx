import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserView } from '../../../../electron/shared/accounts'
import { useSession } from '../../stores/session-context'
import { ChangePasswordDialog } from './ChangePasswordDialog'

/**
 * Who is signed in, and the way out. Non-modal like the tile menus: a modal Radix menu injects a
 * <style> element, which the Content-Security-Policy refuses.
 */
export function UserMenu({ user }: { user: UserView }) {
  const { t } = useTranslation()
  const logout = useSession((state) => state.logout)
  const [changingPassword, setChangingPassword] = useState(false)
  const roles = user.roles.map((role) => t(`roles.${role}`)).join(', ')

  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger asChild>
          <button type="button" className="user-menu__trigger" aria-label={t('session.menu.label', { name: user.displayName })} data-testid="user-menu">
            <span className="user-menu__avatar" aria-hidden="true">
              {initials(user.displayName)}
            </span>
            <span className="user-menu__name">{user.displayName}</span>
          </button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu user-menu" align="end" sideOffset={6} collisionPadding={8}>
            <DropdownMenu.Label className="user-menu__identity">
              <strong data-testid="user-menu-name">{user.displayName}</strong>
              <span className="user-menu__detail">{user.username}</span>
              <span className="user-menu__detail" data-testid="user-menu-roles">
                {t('session.menu.roles', { roles })}
              </span>
            </DropdownMenu.Label>
            <DropdownMenu.Separator className="menu__separator" />
            <DropdownMenu.Item className="menu__item" onSelect={() => setChangingPassword(true)} data-testid="user-menu-change-password">
              {t('session.menu.changePassword')}
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu__item" onSelect={() => void logout()} data-testid="user-menu-logout">
              {t('session.menu.logout')}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {changingPassword ? <ChangePasswordDialog username={user.username} onClose={() => setChangingPassword(false)} /> : null}
    </>
  )
}

/** « Camille Martin » → « CM »: enough to recognise one's own session at a glance. */
function initials(displayName: string): string {
  const letters = displayName
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0])
  return letters.join('').toUpperCase()
}
