import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAlerts } from '../../stores/stores-context'
import { useSession } from '../../stores/session-context'
import { usePermission } from '../session/use-permission'
import { hrefFor } from '../shell/use-hash-route'
import { AlertHistory } from './AlertHistory'
import { alertIdFrom, allowedTabs, tabFrom } from './alerts-tabs'
import { AlertQuality } from './AlertQuality'
import { CueControls } from './CueControls'
import { ReviewQueue } from './ReviewQueue'
import { ShortcutKeys, ShortcutsDialog } from './Shortcuts'
import { ScreenHeader } from '../../components/ScreenHeader'

/**
 * « Alertes »: the queue every alert waits in until a person decides it, the history of what was
 * decided, and (for supervisors and the DPO) how often each rule is wrong.
 */
export function AlertsScreen({ detail }: { detail: string | null }) {
  const { t } = useTranslation()
  const mayReview = usePermission('alert.review')
  const mayJudgeQuality = usePermission('alert.quality')
  const username = useSession((state) => (state.phase.kind === 'signedIn' ? state.phase.session.user.username : ''))
  const openCount = useAlerts((state) => state.queue.length)
  const tab = tabFrom(detail, mayReview, mayJudgeQuality)
  // #/alerts/123 (a link from the LAPI read log) opens the queue on that alert.
  const focusId = alertIdFrom(detail)
  const [help, setHelp] = useState(false)

  const tabs = allowedTabs(mayReview, mayJudgeQuality)

  return (
    <section className="admin-screen alerts-screen" aria-labelledby="alerts-title" data-tab={tab}>
      <ScreenHeader titleId="alerts-title" title={t('alerts.title')}>
        {mayReview ? (
          <div className="alerts-screen__tools">
            <CueControls />
            <button type="button" className="button button--small button--ghost" onClick={() => setHelp(true)} data-testid="alert-shortcuts">
              {t('alerts.shortcuts.open')}
            </button>
          </div>
        ) : null}
      </ScreenHeader>
      <nav className="alerts-tabs" aria-label={t('alerts.tabs.label')}>
        {tabs.map((name) => (
          <a key={name} href={hrefFor('alerts', name === 'queue' ? undefined : name)} className="alerts-tabs__tab" aria-current={tab === name ? 'page' : undefined} data-testid={`alerts-tab-${name}`}>
            {t(`alerts.tabs.${name}`)}
            {name === 'queue' ? (
              <span className="alerts-tabs__count" data-testid="alerts-open-count">
                {t('alerts.openCount', { count: openCount })}
              </span>
            ) : null}
          </a>
        ))}
      </nav>
      {tab === 'queue' ? (
        <>
          <p className="alerts-screen__keys" aria-hidden="true">
            {(['next', 'previous', 'claim', 'confirm', 'falseAlarm', 'escalate', 'togglePlay', 'burst', 'help'] as const).map((action) => (
              <span key={action} className="alerts-screen__key">
                <ShortcutKeys action={action} /> {t(`alerts.shortcuts.actions.${action}`)}
              </span>
            ))}
          </p>
          <ReviewQueue username={username} supervisor={mayJudgeQuality} focusId={focusId} onToggleHelp={() => setHelp((open) => !open)} />
        </>
      ) : null}
      {tab === 'history' ? <AlertHistory /> : null}
      {tab === 'quality' ? <AlertQuality /> : null}
      {help ? <ShortcutsDialog onClose={() => setHelp(false)} /> : null}
    </section>
  )
}
