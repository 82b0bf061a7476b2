import { bytesFromBase64 } from './base64'

/**
 * Hands a file received from the core (base64) to the browser's download, under the core's file name.
 * A blob URL keeps the bytes in the page: nothing is fetched again, and the CSP needs no change.
 */
export function downloadBase64File(fileName: string, mimeType: string, base64: string): void {
  const url = URL.createObjectURL(new Blob([bytesFromBase64(base64)], { type: mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has taken the blob by the next task; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
