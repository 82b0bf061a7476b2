import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LapiImageResult } from '../../electron/cli/commands/lapi'
import { runVigieCli } from '../e2e/fixtures/vigie-host'

const MEDIA_DIR = join(process.cwd(), 'resources', 'media')
const lastLine = (stdout: string): string => stdout.trimEnd().split('\n').at(-1) ?? ''

/** `npm run vigie -- lapi read`, run as a real process, as an operator or an evaluator would. */
describe('npm run vigie -- lapi read', () => {
  it('prints, as its last line, one JSON array with each image’s plates', () => {
    const images = [join(MEDIA_DIR, 'fastalpr_test_image.png'), join(MEDIA_DIR, 'intel_classroom.gif')]
    const result = runVigieCli(['lapi', 'read', ...images])
    expect(result.status).toBe(0)
    const parsed = JSON.parse(lastLine(result.stdout)) as LapiImageResult[]
    expect(parsed.map((entry) => entry.image)).toEqual(images)
    const [photo, classroom] = parsed
    expect(photo.plates).toHaveLength(1)
    expect(photo.plates[0]).toMatchObject({ text: '5AU5341', format: 'foreign', country: 'Czech Republic' })
    expect(Object.keys(photo.plates[0]).sort()).toEqual(['confidence', 'corners', 'country', 'format', 'text'])
    expect(photo.plates[0].corners).toHaveLength(4)
    expect(photo.plates[0].confidence).toBeGreaterThan(0.9)
    expect(classroom.plates).toEqual([])
  })

  it('reads plate crops with --crop', () => {
    const result = runVigieCli(['lapi', 'read', '--crop', join(MEDIA_DIR, 'fpo_test_plate_1.png'), join(MEDIA_DIR, 'fpo_test_plate_2.png')])
    expect(result.status).toBe(0)
    const parsed = JSON.parse(lastLine(result.stdout)) as LapiImageResult[]
    expect(parsed.map((entry) => entry.plates[0]?.text)).toEqual(['AD799KB', 'KRW301'])
  })

  it('reports an unreadable image in the array and exits 1; no image at all is a usage error', () => {
    const result = runVigieCli(['lapi', 'read', join(MEDIA_DIR, 'absent.png')])
    expect(result.status).toBe(1)
    const [entry] = JSON.parse(lastLine(result.stdout)) as LapiImageResult[]
    expect(entry.plates).toEqual([])
    expect(entry.error).toMatch(/absent\.png/)
    expect(runVigieCli(['lapi', 'read']).status).toBe(2)
  })
})
