import type { ReactNode } from 'react'

export interface ScreenHeaderProps {
  /** The heading's id, which the screen's `aria-labelledby` names. */
  titleId: string
  title: ReactNode
  /** One paragraph under the heading saying what the screen is for. */
  intro?: ReactNode
  /** Tools beside the heading (an « Ajouter » button, a state badge…). */
  children?: ReactNode
}

/** The top of every screen: its heading, the tools beside it, and what the screen is for. */
export function ScreenHeader({ titleId, title, intro, children }: ScreenHeaderProps) {
  return (
    <>
      <div className="screen-header">
        <h1 id={titleId} className="screen-title">
          {title}
        </h1>
        {children}
      </div>
      {intro !== undefined ? <p className="screen-intro">{intro}</p> : null}
    </>
  )
}
