import type { Detection } from './detection-types'
import type { DecoderInput } from './decoder-input'
import { decodeFastestDet } from './decode-fastestdet'
import { decodeNanoDet } from './decode-nanodet'
import { decodeYolox } from './decode-yolox'
import type { DecodingSpec } from './model-manifest'

/** Picks the decoder the manifest names; candidates come back before NMS. */
export function decodeOutputs(input: DecoderInput, decoding: DecodingSpec): Detection[] {
  switch (decoding.kind) {
    case 'nanodet-plus':
      return decodeNanoDet(input, decoding)
    case 'yolox':
      return decodeYolox(input, decoding)
    case 'fastestdet':
      return decodeFastestDet(input, decoding)
  }
}
