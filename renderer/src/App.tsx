import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../electron/shared/accounts'
import { AboutScreen } from './features/about/AboutScreen'
import { AlertCues } from './features/alerts/AlertCues'
import { AlertsScreen } from './features/alerts/AlertsScreen'
import { AuditScreen } from './features/audit/AuditScreen'
import { CamerasScreen } from './features/cameras/CamerasScreen'
import { ComplianceScreen } from './features/compliance/ComplianceScreen'
import { EventsScreen } from './features/events/EventsScreen'
import { LapiScreen } from './features/lapi/LapiScreen'
import { OrganisationScreen } from './features/organisation/OrganisationScreen'
import { PlaybackScreen } from './features/playback/PlaybackScreen'
import { RequisitionsScreen } from './features/playback/RequisitionsScreen'
import { UserMenu } from './features/session/UserMenu'
import { AppHeader } from './features/shell/AppHeader'
import { ConfigErrorBanner } from './features/shell/ConfigErrorBanner'
import { SaveErrorBanner } from './features/shell/SaveErrorBanner'
import { StorageAlarmBanner } from './features/shell/StorageAlarmBanner'
import { allowedRoutes, useHashRoute, type HashLocation } from './features/shell/use-hash-route'
import { UsersScreen } from './features/users/UsersScreen'
import { WallScreen } from './features/wall/WallScreen'
import { useAlerts, useAppInfo, useSettings } from './stores/stores-context'

function Screen({ route, detail }: HashLocation) {
  switch (route) {
    case 'wall':
      return <WallScreen />
    case 'alerts':
      return <AlertsScreen detail={detail} />
    case 'events':
      return <EventsScreen />
    case 'playback':
      return <PlaybackScreen detail={detail} />
    case 'requisitions':
      return <RequisitionsScreen />
    case 'lapi':
      return <LapiScreen detail={detail} />
    case 'cameras':
      return <CamerasScreen />
    case 'users':
      return <UsersScreen />
    case 'organisation':
      return <OrganisationScreen />
    case 'audit':
      return <AuditScreen />
    case 'compliance':
      return <ComplianceScreen detail={detail} />
    case 'about':
      return <AboutScreen />
  }
}

/** The console of a signed-in person: the screens their roles open, nothing more. */
export function App({ session }: { session: Session }) {
  const { t, i18n } = useTranslation()
  const routes = useMemo(() => allowedRoutes(session.permissions), [session.permissions])
  const { route, detail } = useHashRoute(routes)
  const locale = useSettings((state) => state.settings.locale)
  const settingsReady = useSettings((state) => state.status === 'ready')
  const setLocale = useSettings((state) => state.setLocale)
  const demo = useAppInfo((state) => state.info?.demo ?? false)
  const reviewsAlerts = session.permissions.includes('alert.review')
  const openAlerts = useAlerts((state) => state.queue.length)

  // The workstation's saved language wins once settings arrive (not before: the defaults would undo
  // the choice made on the sign-in screen); the switch then changes it optimistically.
  useEffect(() => {
    if (!settingsReady) return
    if (i18n.language !== locale) void i18n.changeLanguage(locale)
    document.documentElement.lang = locale
  }, [i18n, locale, settingsReady])

  useEffect(() => {
    document.title = `${t(`nav.${route}`)} · ${t('app.name')}`
  }, [t, route, locale])

  return (
    <div className="app" data-route={route} data-demo={demo || undefined}>
      <AppHeader
        route={route}
        routes={routes}
        demo={demo}
        locale={locale}
        onLocaleChange={setLocale}
        userMenu={<UserMenu user={session.user} />}
        counts={reviewsAlerts ? { alerts: openAlerts } : undefined}
      />
      {reviewsAlerts ? <AlertCues username={session.user.username} supervisor={session.permissions.includes('alert.quality')} /> : null}
      <ConfigErrorBanner />
      <SaveErrorBanner />
      <StorageAlarmBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <Screen route={route} detail={detail} />
      </main>
    </div>
  )
}
