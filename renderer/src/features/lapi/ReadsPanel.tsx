import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Badge } from '../../components/Badge'
import { ErrorNote } from '../../components/ErrorNote'
import { useFormatters } from '../../i18n/format'
import type { PlateHit } from '../../stores/lapi-store'
import { useLapi } from '../../stores/stores-context'
import { usePercent } from '../alerts/use-percent'
import { useNow } from '../compliance/use-now'
import { useEventText } from '../events/use-event-text'
import { usePermission } from '../session/use-permission'
import { hrefFor } from '../shell/use-hash-route'
import { expiresSoon, stillKept, timeLeft } from './retention'

/** The time left is shown to the minute at best: checking twice a minute is plenty. */
const CLOCK_MS = 30_000
/** Camera names only: no scene is needed to name a camera. */
const NO_SCENES = {}

/**
 * « Journal des lectures »: the hits still within their retention (a flagged plate, a parking to
 * check), each linked to its alert, and how many unmatched reads are kept as hashes. Follows the
 * alerts while open, and can be refreshed by hand.
 */
export function ReadsPanel() {
  const { t } = useTranslation()
  const format = useFormatters()
  const hits = useLapi((state) => state.hits)
  const unmatchedKept = useLapi((state) => state.unmatchedKept)
  const status = useLapi((state) => state.readsStatus)
  const error = useLapi((state) => state.readsError)
  const readsAt = useLapi((state) => state.readsAt)
  const load = useLapi((state) => state.loadReads)
  const listen = useLapi((state) => state.listen)
  const now = useNow(CLOCK_MS)
  const kept = stillKept(hits, now)

  // Listen first, then load: a hit raised while the first answer travels is not missed.
  useEffect(() => {
    const stop = listen()
    void load()
    return stop
  }, [listen, load])

  const [refreshing, setRefreshing] = useState(false)
  const refresh = (): void => {
    setRefreshing(true)
    void load().finally(() => setRefreshing(false))
  }
  const busy = refreshing || status === 'loading'

  return (
    <div className="lapi-reads" data-testid="lapi-reads" data-status={status}>
      <div className="screen-header">
        <h2 className="section-title">{t('lapi.reads.title')}</h2>
        <div className="lapi-reads__tools">
          {readsAt !== null ? (
            <span className="lapi-reads__updated" data-testid="lapi-reads-updated">
              {t('lapi.reads.updatedAt', { time: format.time(readsAt) })}
            </span>
          ) : null}
          <button type="button" className="button button--small" onClick={refresh} disabled={busy} data-testid="lapi-reads-refresh">
            {busy ? t('lapi.reads.refreshing') : t('lapi.reads.refresh')}
          </button>
        </div>
      </div>
      <p className="note">{t('lapi.reads.retention')}</p>
      {error ? <ErrorNote message={t('lapi.reads.loadFailed', { message: error.message })} code={error.code} testId="lapi-reads-error" /> : null}
      {status === 'ready' ? (
        <p className="lapi-reads__unmatched" data-testid="lapi-unmatched" data-count={unmatchedKept}>
          {unmatchedKept === 0 ? t('lapi.reads.unmatchedNone') : t('lapi.reads.unmatched', { count: unmatchedKept, value: format.integer(unmatchedKept) })}
        </p>
      ) : null}
      {status === 'loading' && hits.length === 0 ? <p>{t('app.loading')}</p> : null}
      {status === 'ready' && kept.length === 0 ? (
        <div className="empty-state" data-testid="lapi-hits-empty">
          <p>{t('lapi.reads.empty')}</p>
          <p className="form__hint">{t('lapi.reads.emptyHint')}</p>
        </div>
      ) : null}
      {kept.length > 0 ? <HitsTable hits={kept} now={now} /> : null}
    </div>
  )
}

function HitsTable({ hits, now }: { hits: readonly PlateHit[]; now: number }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const percent = usePercent()
  const text = useEventText(NO_SCENES)
  const mayOpenAlerts = usePermission('alert.review')
  return (
    <div className="table-scroll">
      <table className="data-table lapi-table" data-testid="lapi-hits" aria-label={t('lapi.reads.label')}>
        <thead>
          <tr>
            <th scope="col">{t('lapi.reads.columns.at')}</th>
            <th scope="col">{t('lapi.reads.columns.camera')}</th>
            <th scope="col">{t('lapi.reads.columns.plate')}</th>
            <th scope="col">{t('lapi.reads.columns.kind')}</th>
            <th scope="col">{t('lapi.reads.columns.list')}</th>
            <th scope="col">{t('lapi.reads.columns.confidence')}</th>
            <th scope="col">{t('lapi.reads.columns.expires')}</th>
            <th scope="col">{t('lapi.reads.columns.alert')}</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((hit) => {
            const left = timeLeft(hit.expiresAt, now)
            return (
              <tr key={hit.id} data-testid={`lapi-hit-${hit.id}`} data-module-id={hit.moduleId} data-event-id={hit.eventId ?? undefined}>
                <td>
                  <time dateTime={new Date(hit.at).toISOString()}>{format.dateTime(hit.at)}</time>
                </td>
                <td>{text.cameraName(hit.cameraId)}</td>
                <th scope="row">
                  <span className="plate-text" data-testid={`lapi-hit-plate-${hit.id}`}>
                    {hit.plate}
                  </span>
                  {hit.format ? <span className="data-table__detail">{hit.format}</span> : null}
                </th>
                <td>
                  <Badge tone={hit.moduleId === 'lapi-securite' ? 'danger' : 'warn'}>{t(`lapi.hitKinds.${hit.moduleId}`)}</Badge>
                  <span className="data-table__detail">{t(`lapi.purposes.${hit.moduleId}`)}</span>
                </td>
                <td>{hit.moduleId === 'lapi-stationnement' ? t('lapi.reads.missingFrom', { name: hit.hotlistName }) : hit.hotlistName}</td>
                <td className="lapi-table__number">{percent(hit.confidence)}</td>
                <td data-soon={expiresSoon(hit.expiresAt, now)} className="lapi-table__expiry">
                  <time dateTime={new Date(hit.expiresAt).toISOString()}>{t('lapi.reads.deletedOn', { date: format.dateTime(hit.expiresAt) })}</time>
                  {left ? <span className="data-table__detail">{t(`lapi.reads.left${UNIT_KEY[left.unit]}`, { count: left.count })}</span> : null}
                </td>
                <td className="lapi-table__alert">
                  {hit.eventId !== null && mayOpenAlerts ? (
                    <a
                      href={hrefFor('alerts', String(hit.eventId))}
                      aria-label={t('lapi.reads.openAlertNamed', { plate: hit.plate })}
                      data-testid={`lapi-hit-alert-${hit.id}`}
                    >
                      {t('lapi.reads.openAlert')}
                    </a>
                  ) : (
                    <span className="data-table__detail">{t('lapi.reads.noAlert')}</span>
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

const UNIT_KEY = { days: 'Days', hours: 'Hours', minutes: 'Minutes' } as const
