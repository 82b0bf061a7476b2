/**
 * The ffmpeg filter graph that burns a camera's privacy masks into its picture (CSI L251-3), for the
 * live view and playback alike. The masks come as one gray image (white where masked, see
 * recording/mask-image.ts) of any size: it is fitted to the video, whatever the video's size, and an
 * opaque black layer is drawn through it. Pure: the same labels always give the same graph.
 */

export interface MaskFilterLabels {
  /** Filter-graph label of the video to mask, without brackets: `0:v:0`, or a label made earlier. */
  readonly video: string
  /** Label of the mask image input, without brackets: `1:v:0` for `-i mask.pgm` as second input. */
  readonly mask: string
  /** Label given to the masked video, without brackets; to be `-map`ped as `[label]`. */
  readonly output: string
}

/**
 * How far back the mask frame is dated, in seconds. overlay lets through unmasked any video frame
 * older than the first overlay frame, so the single mask frame is dated before anything a camera or
 * a recording can carry: a timestamp that jumps back (a camera rebooting) still finds it in force.
 */
export const MASK_FRAME_EARLIER_S = 1_000_000_000

/** The video's pixel format after masking: what H.264 for the browser needs. */
export const MASKED_PIXEL_FORMAT = 'yuv420p'

/**
 * The graph, step by step:
 *  1. the mask is dated far in the past (see MASK_FRAME_EARLIER_S);
 *  2. `scale2ref` sizes it to half the video's size, with `area` averaging, so that a half-size pixel
 *     is non-zero as soon as any of the mask's pixels under it is;
 *  3. every non-zero pixel becomes fully opaque, then the mask is doubled with `neighbor`: masked
 *     areas are whole 2×2 blocks, which is what a 4:2:0 chroma sample covers, so no colour of a
 *     masked pixel survives in a block shared with an unmasked one. Edges move outwards by at most
 *     one block, never inwards;
 *  4. a black copy of the mask gets the mask as alpha (`alphamerge`) and is laid over the video;
 *     the single mask frame is repeated for every video frame (`eof_action=repeat`).
 * The mask input is read once: ffmpeg needs no `-loop`, and nothing depends on its frame rate.
 */
export function buildMaskFilter(labels: MaskFilterLabels): string {
  const { video, mask, output } = labels
  return [
    `[${mask}]setpts=PTS-${MASK_FRAME_EARLIER_S}/TB[mask_dated]`,
    `[mask_dated][${video}]scale2ref=w=trunc((iw+1)/2):h=trunc((ih+1)/2):flags=area[mask_half][mask_video]`,
    `[mask_half]format=gray,scale=w=iw*2:h=ih*2:flags=neighbor,lut=c0=if(gt(val\\,0)\\,255\\,0),format=gray,split[mask_alpha][mask_base]`,
    '[mask_base]lut=c0=0[mask_black]',
    '[mask_black][mask_alpha]alphamerge[mask_layer]',
    `[mask_video][mask_layer]overlay=format=yuv420:eof_action=repeat,format=${MASKED_PIXEL_FORMAT}[${output}]`
  ].join(';')
}
