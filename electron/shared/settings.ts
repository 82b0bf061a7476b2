import { z } from 'zod'
import { CameraIdSchema } from './camera'

export const WALL_LAYOUTS = ['1', '2x2', '3x3', '4x4'] as const
export const WallLayoutSchema = z.enum(WALL_LAYOUTS)
export type WallLayout = z.infer<typeof WallLayoutSchema>

export const MAX_TILES = 16

export function tileCount(layout: WallLayout): number {
  return layout === '1' ? 1 : Number(layout[0]) ** 2
}

export const LocaleSchema = z.enum(['fr', 'en'])
export type Locale = z.infer<typeof LocaleSchema>

export const TileSchema = z
  .object({
    cameraId: CameraIdSchema.nullable(),
    overlays: z.boolean().default(true)
  })
  .strict()

/**
 * What a workstation remembers across restarts. The same schema backs electron-store in the
 * desktop app and a JSON file in the headless host, so both behave alike.
 */
export const SettingsSchema = z
  .object({
    schemaVersion: z.literal(1).default(1),
    locale: LocaleSchema.default('fr'),
    wall: z
      .object({
        layout: WallLayoutSchema.default('2x2'),
        /** Always MAX_TILES long: switching to a smaller layout and back keeps the assignments. */
        tiles: z.array(TileSchema).length(MAX_TILES).default(() => emptyTiles()),
        /** Index of the tile shown alone after a double-click, or null for the whole wall. */
        focusedTile: z.number().int().min(0).max(MAX_TILES - 1).nullable().default(null)
      })
      .strict()
      .default({})
  })
  .strict()

export type Settings = z.infer<typeof SettingsSchema>

export function emptyTiles(): Settings['wall']['tiles'] {
  return Array.from({ length: MAX_TILES }, () => ({ cameraId: null, overlays: true }))
}

export const SettingsPatchSchema = z
  .object({
    locale: LocaleSchema.optional(),
    wall: SettingsSchema.shape.wall.removeDefault().partial().strict().optional()
  })
  .strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>
