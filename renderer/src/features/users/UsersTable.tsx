import { useTranslation } from 'react-i18next'
import type { UserView } from '../../../../electron/shared/accounts'
import { Badge, type BadgeTone } from '../../components/Badge'
import { useFormatters } from '../../i18n/format'

export interface UsersTableProps {
  users: UserView[]
  onEdit: (user: UserView) => void
  onResetPassword: (user: UserView) => void
}

export function UsersTable({ users, onEdit, onResetPassword }: UsersTableProps) {
  const { t } = useTranslation()
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">{t('users.columns.username')}</th>
            <th scope="col">{t('users.columns.displayName')}</th>
            <th scope="col">{t('users.columns.roles')}</th>
            <th scope="col">{t('users.columns.groups')}</th>
            <th scope="col">{t('users.columns.state')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('users.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} onEdit={onEdit} onResetPassword={onResetPassword} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

interface UserRowProps {
  user: UserView
  onEdit: (user: UserView) => void
  onResetPassword: (user: UserView) => void
}

function UserRow({ user, onEdit, onResetPassword }: UserRowProps) {
  const { t } = useTranslation()
  const state = accountState(user)
  return (
    <tr data-testid={`user-row-${user.username}`} data-state={state.kind}>
      <th scope="row">
        <code>{user.username}</code>
      </th>
      <td>{user.displayName}</td>
      <td>{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</td>
      <td>{user.allGroups ? <em>{t('users.allGroups')}</em> : user.groups.length > 0 ? user.groups.join(', ') : t('users.noGroups')}</td>
      <td>
        <AccountStateBadge state={state} />
      </td>
      <td className="data-table__actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => onEdit(user)}
          aria-label={t('users.actions.editNamed', { username: user.username })}
          data-testid={`user-edit-${user.username}`}
        >
          {t('users.actions.edit')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => onResetPassword(user)}
          aria-label={t('users.actions.resetNamed', { username: user.username })}
          data-testid={`user-reset-${user.username}`}
        >
          {t('users.actions.reset')}
        </button>
      </td>
    </tr>
  )
}

type AccountState = { kind: 'active' } | { kind: 'disabled' } | { kind: 'locked'; until: number }

/** Disabled outranks locked: an administrator's decision lasts, a lock after failed sign-ins expires. */
function accountState(user: UserView, now = Date.now()): AccountState {
  if (user.disabled) return { kind: 'disabled' }
  if (user.lockedUntil !== null && user.lockedUntil > now) return { kind: 'locked', until: user.lockedUntil }
  return { kind: 'active' }
}

const STATE_TONES: Record<AccountState['kind'], BadgeTone> = { active: 'ok', disabled: 'neutral', locked: 'warn' }

function AccountStateBadge({ state }: { state: AccountState }) {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <Badge tone={STATE_TONES[state.kind]}>
      {state.kind === 'locked' ? t('users.state.locked', { time: format.until(state.until) }) : t(`users.state.${state.kind}`)}
    </Badge>
  )
}
