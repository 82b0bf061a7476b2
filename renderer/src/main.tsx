import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { createConnectedApp, type ConnectedApp } from './features/shell/connected-app'
import { Root } from './features/shell/Root'
import { createI18n } from './i18n'
import { connectToCore } from './transport/connect'
import './styles/theme.css'
import './styles/base.css'
import './styles/components.css'
import './styles/shell.css'
import './styles/wall.css'
import './styles/admin.css'
import './styles/session.css'
import './styles/compliance.css'
import './styles/scene.css'
import './styles/events.css'
import './styles/alerts.css'
import './styles/playback.css'
import './styles/lapi.css'

// First thing: the desktop preload may post its MessagePort as soon as the page runs.
const connecting: Promise<ConnectedApp> = connectToCore().then(createConnectedApp)
// Root handles the failure; this only keeps it from being reported as unhandled meanwhile.
connecting.catch(() => undefined)

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={createI18n()}>
      <Root connecting={connecting} />
    </I18nextProvider>
  </StrictMode>
)
