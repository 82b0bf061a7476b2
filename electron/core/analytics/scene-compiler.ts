import type { NormPoint, Scene, SceneRule, SceneZone } from '../../shared/scene'
import type { RuleDefinitionInput, ZoneDefinition } from './rules/rule-schema'

/**
 * Turns a scene (fractions of the image, zones and lines referenced by id) into the pixel rules the
 * engine runs on frames of one size. Rules left out by `include` (disabled, or a module the lock does
 * not allow on this camera) are simply not compiled, so they cannot fire.
 */
export function compileScene(
  scene: Scene,
  width: number,
  height: number,
  include: (rule: SceneRule) => boolean = (rule) => rule.enabled
): RuleDefinitionInput[] {
  const toPixels = (point: NormPoint): { x: number; y: number } => ({ x: point.x * width, y: point.y * height })
  /**
   * A zone vertex drawn on the image's border means "up to the edge and beyond": it is pushed half a
   * frame outwards. Otherwise a person whose box reaches the bottom edge (ground point on or past the
   * last row) would fall outside a zone drawn over the whole image.
   */
  const beyondEdge = (value: number, size: number): number => (value <= 0 ? -size / 2 : value >= 1 ? size * 1.5 : value * size)
  const toZonePixels = (point: NormPoint): { x: number; y: number } => ({ x: beyondEdge(point.x, width), y: beyondEdge(point.y, height) })
  const zoneOf = (id: string | undefined): ZoneDefinition | undefined => {
    const zone: SceneZone | undefined = id === undefined ? undefined : scene.zones.find((z) => z.id === id)
    return zone && { id: zone.id, name: zone.name, polygon: zone.polygon.map(toZonePixels), groundAreaM2: zone.groundAreaM2 }
  }
  const lineOf = (id: string | undefined): { start: { x: number; y: number }; end: { x: number; y: number } } | undefined => {
    const line = id === undefined ? undefined : scene.lines.find((l) => l.id === id)
    return line && { start: toPixels(line.start), end: toPixels(line.end) }
  }
  return scene.rules.filter(include).map((rule) => {
    // The scene-only fields stay behind; the engine's schema is strict and would refuse them.
    const { zoneId, lineId, enabled: _enabled, priority: _priority, ...parameters } = rule
    const zone = zoneOf(zoneId)
    const line = lineOf(lineId)
    return { ...scalePixelParameters(parameters, width), ...(zone ? { zone } : {}), ...(line ? { line } : {}) } as RuleDefinitionInput
  })
}

/** Pixel parameters (`…Px`) are set for analysis frames this wide (see RULE_PARAMETERS). */
export const REFERENCE_ANALYSIS_WIDTH = 640

/** A camera analysed wider (for plate reading) keeps the same distances on its image. */
function scalePixelParameters<T extends Record<string, unknown>>(parameters: T, width: number): T {
  if (width === REFERENCE_ANALYSIS_WIDTH) return parameters
  const scale = width / REFERENCE_ANALYSIS_WIDTH
  return Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, key.endsWith('Px') && typeof value === 'number' ? value * scale : value])) as T
}

/** The parameters of a rule as an event records them: thresholds and durations, no geometry. */
export function ruleParameters(rule: SceneRule): Record<string, unknown> {
  const { id: _id, name: _name, kind: _kind, zoneId: _zoneId, lineId: _lineId, enabled: _enabled, priority: _priority, ...parameters } = rule
  return parameters
}
