import type { HandlerDeps, HandlerGroup } from './deps'

export function appHandlers(deps: HandlerDeps): HandlerGroup<'app.info' | 'app.notices' | 'app.assets' | 'settings.get' | 'settings.update'> {
  return {
    'app.info': () => deps.appInfo(),
    'app.notices': () => deps.notices(),
    'app.assets': () => deps.assets(),
    'settings.get': () => deps.settings.get(),
    'settings.update': (patch) => deps.settings.update(patch)
  }
}
