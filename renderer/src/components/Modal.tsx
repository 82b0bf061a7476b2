import * as Dialog from '@radix-ui/react-dialog'
import type { ReactNode } from 'react'

export interface ModalProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: string
  testId?: string
  /** For content that needs room (an image with its facts); forms keep the default width. */
  wide?: boolean
  children: ReactNode
}

/**
 * A modal dialog (focus trapped, Escape closes, the rest of the page hidden from assistive tech).
 * Radix's Dialog.Overlay is deliberately not used: it locks scrolling by injecting a <style> element,
 * which the page's Content-Security-Policy (style-src 'self') refuses. A plain backdrop does the job.
 */
export function Modal({ open, onOpenChange, title, description, testId, wide, children }: ModalProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <div className="modal-backdrop" aria-hidden="true" />
        {/* Without a description, say so explicitly (Radix otherwise warns about a dangling aria-describedby). */}
        <Dialog.Content
          className={wide ? 'modal modal--wide' : 'modal'}
          data-testid={testId}
          {...(description ? {} : { 'aria-describedby': undefined })}
          // A stray click beside a half-filled form must not throw the input away; Escape and Cancel still close.
          onPointerDownOutside={(event) => event.preventDefault()}
        >
          <Dialog.Title className="modal__title">{title}</Dialog.Title>
          {description ? <Dialog.Description className="modal__description">{description}</Dialog.Description> : null}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
