import type { Scene } from '../../../../electron/shared/scene'

/** The zone and line of the rule that fired, by the ids the scene gives them; none while the scene is unknown. */
export function ruleGeometry(scene: Scene | null, ruleId: string): { zones: Scene['zones']; lines: Scene['lines'] } {
  const rule = scene?.rules.find((candidate) => candidate.id === ruleId)
  if (!scene || !rule) return { zones: [], lines: [] }
  return {
    zones: scene.zones.filter((zone) => zone.id === rule.zoneId),
    lines: scene.lines.filter((line) => line.id === rule.lineId)
  }
}
