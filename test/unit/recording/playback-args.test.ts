import { describe, expect, it } from 'vitest'
import {
  buildConcatList,
  buildPlaybackArgs,
  PLAYBACK_MAX_FPS,
  playbackTranscodes,
  speedUpFilter
} from '../../../electron/core/recording/playback-args'

function valueOf(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag)
  return index === -1 ? undefined : args[index + 1]
}

/** Options before the concat list's `-i` apply to reading the recordings. */
function inputOptions(args: readonly string[]): string[] {
  return args.slice(0, args.indexOf('-i'))
}

const LIST = '/tmp/vigie-playback-x/segments.ffconcat'
const MASK = '/data/masks/quai-0123456789abcdef.pgm'

describe('buildPlaybackArgs', () => {
  it('copies the recording at ×1 without masks, reading from the list at 1.5× real time', () => {
    const args = buildPlaybackArgs({ listPath: LIST, speed: 1, maskImage: null })
    const input = inputOptions(args)
    expect(valueOf(input, '-readrate')).toBe('1.5')
    expect(valueOf(input, '-f')).toBe('concat')
    expect(valueOf(input, '-safe')).toBe('0')
    expect(valueOf(input, '-auto_convert')).toBe('0')
    expect(valueOf(input, '-fflags')).toBe('+discardcorrupt')
    expect(valueOf(args, '-i')).toBe(LIST)
    expect(args.filter((arg) => arg === '-i')).toHaveLength(1)
    expect(valueOf(args, '-map')).toBe('0:v:0')
    expect(valueOf(args, '-c:v')).toBe('copy')
    expect(args).not.toContain('-filter_complex')
    expect(args.slice(-7)).toEqual(['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-frag_duration', '500000', 'pipe:1'])
    expect(playbackTranscodes({ speed: 1, maskImage: null })).toBe(false)
  })

  it('burns the masks in from the mask image given as second input', () => {
    const args = buildPlaybackArgs({ listPath: LIST, speed: 1, maskImage: MASK })
    expect(args.flatMap((arg, index) => (arg === '-i' ? [args[index + 1]] : []))).toEqual([LIST, MASK])
    const graph = valueOf(args, '-filter_complex') ?? ''
    expect(graph).toMatch(/^\[1:v:0\]setpts=/u)
    expect(graph).toContain('[mask_dated][0:v:0]scale2ref')
    expect(graph).toMatch(/\[playback\]$/u)
    expect(valueOf(args, '-map')).toBe('[playback]')
    expect(valueOf(args, '-c:v')).toBe('libx264')
    expect(valueOf(args, '-tune')).toBe('zerolatency')
    expect(valueOf(args, '-preset')).toBe('veryfast')
    expect(valueOf(args, '-force_key_frames')).toBe('expr:gte(t,n_forced*1)')
    expect(playbackTranscodes({ speed: 1, maskImage: MASK })).toBe(true)
  })

  it('speeds up by dividing timestamps and capping the frame rate, reading proportionally faster', () => {
    const args = buildPlaybackArgs({ listPath: LIST, speed: 4, maskImage: null })
    expect(valueOf(args, '-readrate')).toBe('6')
    expect(valueOf(args, '-filter_complex')).toBe(`[0:v:0]${speedUpFilter(4)}[playback]`)
    expect(valueOf(args, '-map')).toBe('[playback]')
    expect(valueOf(args, '-c:v')).toBe('libx264')
    expect(valueOf(args, '-g')).toBe(String(PLAYBACK_MAX_FPS))
    expect(valueOf(buildPlaybackArgs({ listPath: LIST, speed: 8, maskImage: null }), '-readrate')).toBe('12')
  })

  it('masks the sped-up frames, not all of them', () => {
    const graph = valueOf(buildPlaybackArgs({ listPath: LIST, speed: 8, maskImage: MASK }), '-filter_complex') ?? ''
    expect(graph.startsWith(`[0:v:0]${speedUpFilter(8)}[fast];`)).toBe(true)
    expect(graph).toContain('[mask_dated][fast]scale2ref')
    expect(graph).toMatch(/\[playback\]$/u)
  })
})

describe('speedUpFilter', () => {
  it('divides timestamps and keeps a frame only 90 % of a 25 fps interval after the last one kept', () => {
    expect(speedUpFilter(2)).toBe('setpts=PTS/2,select=isnan(prev_selected_t)+gte(t-prev_selected_t\\,0.0360)')
  })
})

describe('buildConcatList', () => {
  it('lists the files in order, the first with its in-point in microseconds', () => {
    expect(buildConcatList([{ path: '/rec/quai/1-00001.mp4', inpoint: 2.081 }, { path: '/rec/quai/1-00002.mp4' }])).toBe(
      "ffconcat version 1.0\nfile '/rec/quai/1-00001.mp4'\ninpoint 2.081000\nfile '/rec/quai/1-00002.mp4'\n"
    )
  })

  it('quotes paths so that spaces and quotes in them are read as such', () => {
    expect(buildConcatList([{ path: "/srv/Vigie data/l'enregistrement.mp4" }])).toContain("file '/srv/Vigie data/l'\\''enregistrement.mp4'")
  })

  it('refuses a path with a line break, which would read as another directive', () => {
    expect(() => buildConcatList([{ path: "/rec/a.mp4'\nfile '/etc/passwd" }])).toThrow(/line break/u)
  })
})
