/**
 * The name a document was uploaded under, kept for display only (files are stored under their
 * sha256). Still cleaned: it ends up in a download's suggested name and in the PDF register, where a
 * folder, a control character or a Windows-reserved character would do harm or confuse.
 */

const MAX_LENGTH = 120
const FALLBACK = 'document'

export function displayFileName(uploaded: string): string {
  const lastSegment = uploaded.split(/[/\\]/).pop() ?? ''
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  if (cleaned.length === 0) return FALLBACK
  return [...cleaned].slice(0, MAX_LENGTH).join('')
}
