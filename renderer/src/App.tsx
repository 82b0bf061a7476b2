import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { AboutScreen } from './features/about/AboutScreen'
import { CamerasScreen } from './features/cameras/CamerasScreen'
import { AppHeader } from './features/shell/AppHeader'
import { ConfigErrorBanner } from './features/shell/ConfigErrorBanner'
import { SaveErrorBanner } from './features/shell/SaveErrorBanner'
import { useHashRoute, type Route } from './features/shell/use-hash-route'
import { WallScreen } from './features/wall/WallScreen'
import { useAppInfo, useSettings } from './stores/stores-context'

function Screen({ route }: { route: Route }) {
  switch (route) {
    case 'wall':
      return <WallScreen />
    case 'cameras':
      return <CamerasScreen />
    case 'about':
      return <AboutScreen />
  }
}

export function App() {
  const { t, i18n } = useTranslation()
  const route = useHashRoute()
  const locale = useSettings((state) => state.settings.locale)
  const setLocale = useSettings((state) => state.setLocale)
  const demo = useAppInfo((state) => state.info?.demo ?? false)

  // The workstation's saved language wins once settings arrive; the switch changes it optimistically.
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale)
    document.documentElement.lang = locale
  }, [i18n, locale])

  useEffect(() => {
    document.title = `${t(`nav.${route}`)} · ${t('app.name')}`
  }, [t, route, locale])

  return (
    <div className="app" data-route={route} data-demo={demo || undefined}>
      <AppHeader route={route} demo={demo} locale={locale} onLocaleChange={setLocale} />
      <ConfigErrorBanner />
      <SaveErrorBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <Screen route={route} />
      </main>
    </div>
  )
}
