/** The core carries files as base64 in one call (see the contract); these convert at the screen's edge. */

export function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index)
  return bytes
}

/** A file picked by the person, as base64 without the data-URL prefix. */
export function base64FromFile(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    // The browser's own encoder: no 15 MB string built character by character in script.
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('lecture du fichier impossible'))
    reader.readAsDataURL(file)
  })
}

/** A text file received from the core, read as UTF-8 (invalid sequences become « � » rather than failing). */
export function textFromBase64(base64: string): string {
  return new TextDecoder('utf-8').decode(bytesFromBase64(base64))
}
