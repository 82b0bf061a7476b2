import type { DocumentView } from '../../../../electron/shared/compliance'

/** Enough of the fingerprint to tell documents apart at a glance; the test hooks use the same prefix. */
export function shortFingerprint(sha256: string): string {
  return sha256.slice(0, 12)
}

/** PIA-tool exports are JSON: shown as text in the page, where a PDF cannot be (see DocumentPreviewDialog). */
export function isJsonDocument(document: Pick<DocumentView, 'mimeType' | 'fileName'>): boolean {
  return document.mimeType.includes('json') || document.fileName.toLowerCase().endsWith('.json')
}
