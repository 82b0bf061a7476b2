import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserView } from '../../../../electron/shared/accounts'
import { ErrorNote } from '../../components/ErrorNote'
import { useUsers } from '../../stores/stores-context'
import { ResetPasswordDialog } from './ResetPasswordDialog'
import { UserFormDialog, type UserFormTarget } from './UserFormDialog'
import { UsersTable } from './UsersTable'
import { ScreenHeader } from '../../components/ScreenHeader'

export function UsersScreen() {
  const { t } = useTranslation()
  const users = useUsers((state) => state.users)
  const status = useUsers((state) => state.status)
  const error = useUsers((state) => state.error)
  const load = useUsers((state) => state.load)
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null)
  const [resetting, setResetting] = useState<UserView | null>(null)

  // Each visit shows the accounts as they are now (locks expire, other administrators edit).
  useEffect(() => {
    void load()
  }, [load])

  return (
    <section className="admin-screen" aria-labelledby="users-title">
      <ScreenHeader titleId="users-title" title={t('users.title')} intro={t('users.intro')}>
        <button type="button" className="button button--primary" onClick={() => setFormTarget({ mode: 'create' })} data-testid="user-add">
          {t('users.add')}
        </button>
      </ScreenHeader>
      {error ? <ErrorNote message={t('users.loadFailed', { message: error.message })} code={error.code} /> : null}
      {status === 'loading' && users.length === 0 ? <p>{t('app.loading')}</p> : null}
      {status === 'ready' && users.length === 0 ? <p className="empty-state">{t('users.empty')}</p> : null}
      {users.length > 0 ? (
        <UsersTable users={users} onEdit={(user) => setFormTarget({ mode: 'edit', user })} onResetPassword={setResetting} />
      ) : null}
      {formTarget ? <UserFormDialog target={formTarget} onClose={() => setFormTarget(null)} /> : null}
      {resetting ? <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} /> : null}
    </section>
  )
}
