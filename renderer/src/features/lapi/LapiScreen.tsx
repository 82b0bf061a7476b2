import { useTranslation } from 'react-i18next'
import { usePermission } from '../session/use-permission'
import { hrefFor } from '../shell/use-hash-route'
import { HotlistsPanel } from './HotlistsPanel'
import { allowedLapiTabs, lapiTabFrom } from './lapi-tabs'
import { ReadsPanel } from './ReadsPanel'
import { ScreenHeader } from '../../components/ScreenHeader'

/**
 * « LAPI »: the plate lists of the two purposes (watch lists for the State services, parking rights for
 * a commune), and the read log of what was retained. For the few people the deployer authorises.
 */
export function LapiScreen({ detail }: { detail: string | null }) {
  const { t } = useTranslation()
  const mayManage = usePermission('lapi.manage')
  const mayRead = usePermission('lapi.reads')
  const tabs = allowedLapiTabs(mayManage, mayRead)
  const tab = lapiTabFrom(detail, mayManage, mayRead)

  return (
    <section className="admin-screen lapi-screen" aria-labelledby="lapi-title" data-testid="lapi-screen" data-tab={tab}>
      <ScreenHeader titleId="lapi-title" title={t('lapi.title')} intro={t('lapi.intro')} />
      {tabs.length > 1 ? (
        <nav className="lapi-tabs" aria-label={t('lapi.tabs.label')}>
          {tabs.map((name) => (
            <a
              key={name}
              href={hrefFor('lapi', name === tabs[0] ? undefined : name)}
              className="lapi-tabs__tab"
              aria-current={tab === name ? 'page' : undefined}
              data-testid={`lapi-tab-${name}`}
            >
              {t(`lapi.tabs.${name}`)}
            </a>
          ))}
        </nav>
      ) : null}
      {tab === 'lists' ? <HotlistsPanel /> : <ReadsPanel />}
    </section>
  )
}
