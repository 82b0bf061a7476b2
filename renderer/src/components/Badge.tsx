import type { ReactNode } from 'react'

export type BadgeTone = 'neutral' | 'demo' | 'info' | 'ok' | 'warn' | 'danger'

export interface BadgeProps {
  tone?: BadgeTone
  title?: string
  testId?: string
  children: ReactNode
}

export function Badge({ tone = 'neutral', title, testId, children }: BadgeProps) {
  return (
    <span className="badge" data-tone={tone} title={title} data-testid={testId}>
      {children}
    </span>
  )
}
