import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Organisation } from '../../../../electron/shared/accounts'
import { useApi } from '../../api/api-context'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { OrganisationForm } from './OrganisationForm'
import { ScreenHeader } from '../../components/ScreenHeader'

type LoadState = { status: 'loading' } | { status: 'ready'; organisation: Organisation } | { status: 'error'; error: ShownError }

/** The organisation's profile. Read when the screen opens: nobody else on this screen keeps it. */
export function OrganisationScreen() {
  const { t } = useTranslation()
  const api = useApi()
  const [state, setState] = useState<LoadState>({ status: 'loading' })

  useEffect(() => {
    let current = true
    api.call('organisation.get', {}).then(
      (organisation) => {
        if (current) setState({ status: 'ready', organisation })
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', error: toShownError(error) })
      }
    )
    return () => {
      current = false
    }
  }, [api])

  return (
    <section className="admin-screen admin-screen--narrow" aria-labelledby="organisation-title">
      <ScreenHeader titleId="organisation-title" title={t('organisation.title')} intro={t('organisation.intro')} />
      {state.status === 'loading' ? <p>{t('app.loading')}</p> : null}
      {state.status === 'error' ? (
        <ErrorNote message={t('organisation.loadFailed', { message: state.error.message })} code={state.error.code} />
      ) : null}
      {state.status === 'ready' ? <OrganisationForm initial={state.organisation} /> : null}
    </section>
  )
}
