import { describe, expect, it } from 'vitest'
import { buildMaskFilter, MASK_FRAME_EARLIER_S } from '../../../electron/core/ingest/mask-filter'

/** The graph's text; what it does to pixels is checked with ffmpeg in mask-filter.integration.test.ts. */
describe('buildMaskFilter', () => {
  const graph = buildMaskFilter({ video: '0:v:0', mask: '1:v:0', output: 'out' })
  const filters = graph.split(';')

  it('reads the given inputs and ends on the given label', () => {
    expect(filters[0]).toMatch(/^\[1:v:0\]/u)
    expect(graph).toContain('[0:v:0]scale2ref=')
    expect(filters.at(-1)).toMatch(/\[out\]$/u)
  })

  it('dates the single mask frame before any video frame, and repeats it', () => {
    expect(filters[0]).toBe(`[1:v:0]setpts=PTS-${MASK_FRAME_EARLIER_S}/TB[mask_dated]`)
    expect(graph).toContain('eof_action=repeat')
    expect(graph).not.toContain('shortest')
  })

  it('fits the mask to the video in whole 2×2 blocks, fully opaque wherever it touches', () => {
    expect(graph).toContain('scale2ref=w=trunc((iw+1)/2):h=trunc((ih+1)/2):flags=area')
    expect(graph).toContain('lut=c0=if(gt(val\\,0)\\,255\\,0)')
    expect(graph).toContain('scale=w=iw*2:h=ih*2:flags=neighbor')
  })

  it('lays a black layer with the mask as alpha over the video, in the browser’s pixel format', () => {
    expect(graph).toContain('[mask_black][mask_alpha]alphamerge[mask_layer]')
    expect(filters.at(-1)).toBe('[mask_video][mask_layer]overlay=format=yuv420:eof_action=repeat,format=yuv420p[out]')
  })

  it('works on a label made earlier in the graph', () => {
    expect(buildMaskFilter({ video: 'fast', mask: '1:v:0', output: 'playback' })).toContain('[mask_dated][fast]scale2ref')
  })
})
