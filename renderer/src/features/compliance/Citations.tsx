import { useTranslation } from 'react-i18next'
import type { ModuleStatus } from '../../../../electron/shared/compliance'
import { useFormatters } from '../../i18n/format'

type Citation = ModuleStatus['citations'][number]

export interface CitationsProps {
  citations: Citation[]
  /** Folded behind « Références (n) » on a card, where they would bury the state; open in a dossier. */
  folded?: boolean
}

/** The texts and decisions a rule rests on, so a reader can check them rather than take the screen's word. */
export function Citations({ citations, folded = false }: CitationsProps) {
  const { t } = useTranslation()
  if (citations.length === 0) return null
  const list = <CitationList citations={citations} />
  if (folded) {
    return (
      <details className="citations">
        <summary className="compliance-label">{t('compliance.citationsCount', { count: citations.length })}</summary>
        {list}
      </details>
    )
  }
  return (
    <div className="citations">
      <p className="compliance-label">{t('compliance.citations')}</p>
      {list}
    </div>
  )
}

function CitationList({ citations }: { citations: Citation[] }) {
  const format = useFormatters()
  return (
    <ul className="citations__list">
      {citations.map((citation) => (
        <li key={`${citation.ref}-${citation.date ?? ''}`}>
          {citation.url ? (
            <a href={citation.url} target="_blank" rel="noreferrer" title={citation.url}>
              {citation.ref}
            </a>
          ) : (
            citation.ref
          )}
          {citation.date ? <span className="citations__date"> · {format.calendarDate(citation.date)}</span> : null}
        </li>
      ))}
    </ul>
  )
}
