import { LapiModuleIdSchema } from '../../../../electron/shared/lapi'

/**
 * The two purposes of plate reading, which the law treats apart: « sécurité » (watch lists, State
 * services only) and « stationnement » (parking rights, a commune's paid-parking control).
 */
export const LAPI_PURPOSES = LapiModuleIdSchema.options
export type LapiModuleId = (typeof LAPI_PURPOSES)[number]
