import 'i18next'
import type { Messages } from './fr'

// Typed keys: t('wall.tile.remove') is checked at compile time against the French reference file.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Messages }
  }
}
