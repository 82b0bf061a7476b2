import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModuleState } from '../../../../electron/shared/compliance'
import { Badge } from '../../components/Badge'
import { ClampedText } from '../../components/ClampedText'
import { ErrorNote } from '../../components/ErrorNote'
import { ModuleStateBadge } from '../../components/ModuleStateBadge'
import { useFormatters } from '../../i18n/format'
import type { HotlistInfo } from '../../stores/lapi-store'
import { useCompliance, useLapi } from '../../stores/stores-context'
import { usePermission } from '../session/use-permission'
import { hrefFor } from '../shell/use-hash-route'
import { ImportHotlistDialog } from './ImportHotlistDialog'
import { LAPI_PURPOSES, type LapiModuleId } from './purposes'
import { WithdrawHotlistDialog } from './WithdrawHotlistDialog'

/** Where the compliance lock stands for each purpose, when this person may read it (null otherwise, or until loaded). */
export function usePurposeStates(): Partial<Record<LapiModuleId, ModuleState>> | null {
  const mayReadCompliance = usePermission('compliance.read')
  const load = useCompliance((state) => state.load)
  const listen = useCompliance((state) => state.listen)
  const modules = useCompliance((state) => state.overview?.modules ?? null)

  useEffect(() => {
    if (!mayReadCompliance) return
    const stop = listen()
    void load()
    return stop
  }, [mayReadCompliance, listen, load])

  if (!mayReadCompliance || !modules) return null
  const states: Partial<Record<LapiModuleId, ModuleState>> = {}
  for (const module of modules) if ((LAPI_PURPOSES as readonly string[]).includes(module.id)) states[module.id as LapiModuleId] = module.state
  return states
}

/** « Listes »: the two purposes and where the law puts them for this deployer, then every list imported. */
export function HotlistsPanel() {
  const { t } = useTranslation()
  const hotlists = useLapi((state) => state.hotlists)
  const status = useLapi((state) => state.hotlistsStatus)
  const error = useLapi((state) => state.hotlistsError)
  const load = useLapi((state) => state.loadHotlists)
  const purposeStates = usePurposeStates()
  const [importing, setImporting] = useState(false)
  const [withdrawing, setWithdrawing] = useState<HotlistInfo | null>(null)

  // Each visit shows the lists as they are now (another supervisor may have imported or withdrawn one).
  useEffect(() => {
    void load()
  }, [load])

  // The lists in force first; withdrawn ones stay on record below them.
  const ordered = [...hotlists].sort((a, b) => Number(a.withdrawnAt !== null) - Number(b.withdrawnAt !== null))

  return (
    <div className="lapi-lists" data-testid="lapi-lists" data-status={status}>
      <section aria-labelledby="lapi-purposes-title">
        <h2 id="lapi-purposes-title" className="section-title">
          {t('lapi.purposesLabel')}
        </h2>
        <ul className="lapi-purposes">
          {LAPI_PURPOSES.map((moduleId) => (
            <PurposeCard key={moduleId} moduleId={moduleId} state={purposeStates?.[moduleId] ?? null} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="lapi-lists-title" className="lapi-lists__section">
        <div className="screen-header">
          <h2 id="lapi-lists-title" className="section-title">
            {t('lapi.lists.title')}
          </h2>
          <button type="button" className="button button--primary" onClick={() => setImporting(true)} data-testid="lapi-import-open">
            {t('lapi.lists.import')}
          </button>
        </div>
        <p className="note" data-testid="lapi-hashed-note">
          {t('lapi.lists.hashed')}
        </p>
        {error ? <ErrorNote message={t('lapi.lists.loadFailed', { message: error.message })} code={error.code} testId="lapi-lists-error" /> : null}
        {status === 'loading' && hotlists.length === 0 ? <p>{t('app.loading')}</p> : null}
        {status === 'ready' && hotlists.length === 0 ? (
          <p className="empty-state" data-testid="lapi-lists-empty">
            {t('lapi.lists.empty')}
          </p>
        ) : null}
        {hotlists.length > 0 ? <HotlistsTable hotlists={ordered} onWithdraw={setWithdrawing} /> : null}
      </section>
      {importing ? <ImportHotlistDialog purposeStates={purposeStates} onClose={() => setImporting(false)} /> : null}
      {withdrawing ? <WithdrawHotlistDialog hotlist={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
    </div>
  )
}

function PurposeCard({ moduleId, state }: { moduleId: LapiModuleId; state: ModuleState | null }) {
  const { t } = useTranslation()
  const name = t(`lapi.purposes.${moduleId}`)
  return (
    <li className="lapi-purpose" data-testid={`lapi-purpose-${moduleId}`} data-state={state ?? undefined}>
      <div className="lapi-purpose__head">
        <strong className="lapi-purpose__name">{name}</strong>
        {state ? (
          <span className="lapi-purpose__state">
            <span className="visually-hidden">{t('lapi.purposeState')} </span>
            <ModuleStateBadge state={state} testId={`lapi-purpose-state-${moduleId}`} />
          </span>
        ) : null}
      </div>
      <p className="lapi-purpose__hint">{t(`lapi.purposeHints.${moduleId}`)}</p>
      {state ? (
        <a className="lapi-purpose__link" href={hrefFor('compliance', moduleId)} aria-label={t('lapi.purposeDossierNamed', { name })}>
          {t('lapi.purposeDossier')}
        </a>
      ) : null}
    </li>
  )
}

function HotlistsTable({ hotlists, onWithdraw }: { hotlists: readonly HotlistInfo[]; onWithdraw: (hotlist: HotlistInfo) => void }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const mayManage = usePermission('lapi.manage')
  return (
    <div className="table-scroll">
      <table className="data-table lapi-table" data-testid="lapi-hotlists">
        <thead>
          <tr>
            <th scope="col">{t('lapi.lists.columns.name')}</th>
            <th scope="col">{t('lapi.lists.columns.purpose')}</th>
            <th scope="col">{t('lapi.lists.columns.entries')}</th>
            <th scope="col">{t('lapi.lists.columns.imported')}</th>
            <th scope="col">{t('lapi.lists.columns.reason')}</th>
            <th scope="col">{t('lapi.lists.columns.state')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('lapi.lists.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {hotlists.map((hotlist) => {
            const withdrawn = hotlist.withdrawnAt !== null
            return (
              <tr
                key={hotlist.id}
                data-testid={`lapi-hotlist-${hotlist.id}`}
                data-module-id={hotlist.moduleId}
                data-withdrawn={withdrawn}
                data-entries={hotlist.entries}
              >
                <th scope="row">{hotlist.name}</th>
                <td>{t(`lapi.purposes.${hotlist.moduleId}`)}</td>
                <td className="lapi-table__entries">
                  <span data-testid={`lapi-hotlist-entries-${hotlist.id}`}>{t('lapi.lists.entries', { count: hotlist.entries, value: format.integer(hotlist.entries) })}</span>
                  <span className="data-table__detail">{t('lapi.lists.entriesHidden')}</span>
                </td>
                <td>
                  <time dateTime={new Date(hotlist.importedAt).toISOString()}>{format.dateTime(hotlist.importedAt)}</time>
                  <span className="data-table__detail">{t('lapi.lists.importedBy', { by: hotlist.importedBy })}</span>
                </td>
                <td className="lapi-table__reason">
                  <ClampedText text={hotlist.reason} moreLabel={t('lapi.lists.more')} lessLabel={t('lapi.lists.less')} />
                </td>
                <td>
                  {withdrawn && hotlist.withdrawnAt !== null ? (
                    <>
                      <Badge testId={`lapi-hotlist-state-${hotlist.id}`}>{t('lapi.lists.withdrawn')}</Badge>
                      <span className="data-table__detail">{t('lapi.lists.withdrawnOn', { date: format.dateTime(hotlist.withdrawnAt) })}</span>
                    </>
                  ) : (
                    <Badge tone="ok" testId={`lapi-hotlist-state-${hotlist.id}`}>
                      {t('lapi.lists.active')}
                    </Badge>
                  )}
                </td>
                <td className="data-table__actions">
                  {mayManage && !withdrawn ? (
                    <button
                      type="button"
                      className="button button--small button--danger-ghost"
                      onClick={() => onWithdraw(hotlist)}
                      aria-label={t('lapi.lists.withdrawNamed', { name: hotlist.name })}
                      data-testid={`lapi-hotlist-withdraw-${hotlist.id}`}
                    >
                      {t('lapi.lists.withdraw')}
                    </button>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
