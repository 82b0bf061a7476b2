import { RpcError } from '../../shared/result'

/**
 * Files travel base64 in one call. Node's decoder skips any character it does not know, so a damaged
 * upload would silently become other bytes: the text is checked first, and its size computed before
 * anything is decoded.
 */

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`

export function decodeBase64(text: string, maxBytes: number): Buffer {
  const compact = text.replace(/\s+/g, '')
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new RpcError('INVALID_INPUT', 'Le contenu du fichier est mal encodé (base64 invalide) : renvoyez le fichier.')
  }
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0
  const size = (compact.length / 4) * 3 - padding
  if (size > maxBytes) {
    throw new RpcError('INVALID_INPUT', `Le fichier fait ${megabytes(size)} : la taille maximale est de ${megabytes(maxBytes)}.`)
  }
  return Buffer.from(compact, 'base64')
}
