import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DetectorPool } from '../../electron/core/analytics/detection/detector-pool'
import { PLATE_RULE_KINDS, RULE_KINDS, SceneSchema } from '../../electron/shared/scene'
import { buildScenarios, readManifest } from '../scenarios/build-scenarios'
import { measureCountingAccuracy } from '../scenarios/counting-accuracy'
import { ALL_SCENARIOS } from '../scenarios/definitions'
import { FFMPEG, ROOT } from '../scenarios/media'
import { describeVerdict, runScenario, startDetectorPool } from '../scenarios/run-scenario'
import type { ScenarioManifest } from '../scenarios/scenario-schema'

/**
 * Every analytics rule against its scenario clip: clips made from the real media with the expected
 * events written beside them (test/scenarios), run through the real chain (ffmpeg → detector pool →
 * tracker → rule engine) with frame times index × 200 ms, so results do not depend on the machine's
 * speed. Clips are cached between runs in node_modules/.cache/vigie-scenarios.
 */

const CACHE = join(ROOT, 'node_modules', '.cache', 'vigie-scenarios')
const FFPROBE = join(FFMPEG, '..', 'ffprobe')

let manifests: ScenarioManifest[] = []
let pool: DetectorPool | undefined

beforeAll(async () => {
  manifests = await buildScenarios(CACHE)
  pool = await startDetectorPool()
}, 300_000)

afterAll(async () => {
  await pool?.close()
})

function manifestOf(id: string): ScenarioManifest {
  const manifest = manifests.find((m) => m.id === id)
  if (!manifest) throw new Error(`scenario ${id} was not built`)
  return manifest
}

describe('scenario clips', () => {
  // Plate rules read plates, not the scenes' cut-out people: lapi-live.test.ts runs them on a real car.
  it('cover every rule kind of the rule engine with at least one expected event', () => {
    const covered = new Set<string>()
    for (const manifest of manifests) {
      const scene = SceneSchema.parse(manifest.scene)
      for (const expected of manifest.expected) covered.add(scene.rules.find((rule) => rule.id === expected.ruleId)!.kind)
    }
    expect([...covered].sort()).toEqual(RULE_KINDS.filter((kind) => !PLATE_RULE_KINDS.includes(kind)).sort())
  })

  it('have valid ground truth beside them', () => {
    for (const manifest of manifests) {
      expect(readManifest(join(CACHE, `${manifest.id}.json`))).toEqual(manifest)
    }
  })

  it('are H.264, yuv420p, 640 px wide, 10 fps, one keyframe a second and no audio', () => {
    for (const manifest of manifests) {
      const clip = join(CACHE, manifest.clip)
      const probe = JSON.parse(
        execFileSync(FFPROBE, ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,pix_fmt,width,height,avg_frame_rate', '-of', 'json', clip], { encoding: 'utf8' })
      ) as { streams: Array<Record<string, string | number>> }
      expect(probe.streams).toEqual([
        { codec_type: 'video', codec_name: 'h264', pix_fmt: 'yuv420p', width: 640, height: 360, avg_frame_rate: `${manifest.fps}/1` }
      ])
      const keyframes = (
        JSON.parse(
          execFileSync(FFPROBE, ['-v', 'error', '-skip_frame', 'nokey', '-select_streams', 'v', '-show_entries', 'frame=pts_time', '-of', 'json', clip], {
            encoding: 'utf8'
          })
        ) as { frames: Array<{ pts_time: string }> }
      ).frames.map((frame) => Number(frame.pts_time))
      expect(keyframes.length).toBe(Math.ceil(manifest.durationSeconds))
      keyframes.forEach((time, index) => expect(time).toBeCloseTo(index, 3))
    }
  })

  it('are cached: a second build encodes nothing', async () => {
    const before = manifests.map((m) => statSync(join(CACHE, m.clip)).mtimeMs)
    const again = await buildScenarios(CACHE)
    expect(again.map((m) => m.recipeHash)).toEqual(manifests.map((m) => m.recipeHash))
    expect(manifests.map((m) => statSync(join(CACHE, m.clip)).mtimeMs)).toEqual(before)
  })

  it('are deterministic: the same recipe gives the same bytes', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'vigie-scenarios-'))
    try {
      const [rebuilt] = await buildScenarios(fresh, { only: ['line-crossing-direction'] })
      const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')
      expect(rebuilt.recipeHash).toBe(manifestOf('line-crossing-direction').recipeHash)
      expect(digest(join(fresh, rebuilt.clip))).toBe(digest(join(CACHE, rebuilt.clip)))
    } finally {
      rmSync(fresh, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('rules on their scenario clips (real chain)', () => {
  it.each(ALL_SCENARIOS.map((definition) => definition.id))(
    '%s: expected events within tolerance, nothing forbidden',
    async (id) => {
      const { verdict } = await runScenario(manifestOf(id), CACHE, { pool })
      // The full account (every expectation, every event) is the failure message.
      expect(verdict.ok, describeVerdict(verdict)).toBe(true)
    },
    180_000
  )
})

describe('counting accuracy on the real clips', () => {
  it('reports an occupancy for every clip with a stated count', async () => {
    const report = await measureCountingAccuracy({ pool })
    expect(report.clips.map((clip) => clip.media)).toContain('intel_store-aisle-detection.gif')
    expect(report.clips.map((clip) => clip.media)).toContain('intel_classroom.gif')
    for (const clip of report.clips) {
      expect(Number.isInteger(clip.occupancy) && clip.occupancy >= 0).toBe(true)
      expect(Number.isInteger(clip.referenceCount)).toBe(true)
      expect(clip.error).toBe(clip.occupancy - clip.referenceCount)
    }
    expect(Number.isFinite(report.meanAbsoluteError)).toBe(true)
    expect(report.oneByOne.instants.length).toBeGreaterThan(0)
    expect(Number.isInteger(report.oneByOne.arrivals)).toBe(true)
    // JSON-able as it stands.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
  }, 240_000)
})
