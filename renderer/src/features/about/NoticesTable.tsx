import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '../../../../electron/shared/contract'

type Notice = MethodOutput<'app.notices'>[number]

/** Only http(s) addresses become links: a notice file must not be able to smuggle a javascript: URL. */
function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : undefined
  } catch {
    return undefined
  }
}

export function NoticesTable({ notices }: { notices: Notice[] }) {
  const { t } = useTranslation()
  if (notices.length === 0) return <p className="empty-state">{t('about.noticesEmpty')}</p>
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="about-notices">
        <thead>
          <tr>
            <th scope="col">{t('about.noticeColumns.name')}</th>
            <th scope="col">{t('about.noticeColumns.licence')}</th>
            <th scope="col">{t('about.noticeColumns.attribution')}</th>
            <th scope="col">{t('about.noticeColumns.url')}</th>
          </tr>
        </thead>
        <tbody>
          {notices.map((notice) => {
            const href = safeHref(notice.url)
            return (
              <tr key={`${notice.name}-${notice.url}`}>
                <th scope="row">{notice.name}</th>
                <td>{notice.licence}</td>
                <td>{notice.attribution ?? ''}</td>
                <td className="data-table__source">
                  {href ? (
                    <a href={href} target="_blank" rel="noreferrer noopener">
                      {notice.url}
                    </a>
                  ) : (
                    notice.url
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
