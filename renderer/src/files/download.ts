/**
 * Hands a file received from the core (base64) to the browser's download, under the core's file name.
 * A blob URL keeps the bytes in the page: nothing is fetched again, and the CSP needs no change.
 */
export function downloadBase64File(fileName: string, mimeType: string, base64: string): void {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index)
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }))
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
