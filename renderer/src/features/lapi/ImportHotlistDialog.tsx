import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModuleState } from '../../../../electron/shared/compliance'
import { useCoreAction } from '../../api/use-core-action'
import { ErrorNote } from '../../components/ErrorNote'
import { FileField } from '../../components/FileField'
import { Modal } from '../../components/Modal'
import { SelectField } from '../../components/SelectField'
import { TextAreaField } from '../../components/TextAreaField'
import { TextField } from '../../components/TextField'
import { useFormatters } from '../../i18n/format'
import type { ImportHotlistResult } from '../../stores/lapi-store'
import { useLapi } from '../../stores/stores-context'
import {
  emptyImportForm,
  HOTLIST_NAME,
  HOTLIST_REASON,
  importProblem,
  MAX_LIST_FILE_BYTES,
  platesFromFile,
  splitEntries,
  toImportInput,
  type FilePlates,
  type ImportFormValues
} from './hotlist-form'
import { LAPI_PURPOSES, type LapiModuleId } from './purposes'

export interface ImportHotlistDialogProps {
  /** Where the compliance lock stands per purpose, to mark a forbidden one (null when unknown). */
  purposeStates: Partial<Record<LapiModuleId, ModuleState>> | null
  onClose: () => void
}

/** How many refused lines are listed; the rest are counted. */
const REJECTED_SHOWN = 100

/** The purpose offered first: one this deployer may use, parking before security when both are open. */
function firstPurpose(states: ImportHotlistDialogProps['purposeStates']): LapiModuleId {
  const open = LAPI_PURPOSES.filter((moduleId) => states?.[moduleId] !== 'FORBIDDEN')
  return open.includes('lapi-stationnement') ? 'lapi-stationnement' : (open[0] ?? 'lapi-stationnement')
}

/**
 * Imports a list of plates for one purpose: typed or pasted, or taken from a .txt/.csv file into the
 * text field first, so the person sees what is sent. On refusal (a purpose forbidden to this deployer…)
 * the dialog stays open with everything typed; once imported it says what was kept and what was refused.
 */
export function ImportHotlistDialog({ purposeStates, onClose }: ImportHotlistDialogProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const importHotlist = useLapi((state) => state.importHotlist)
  const [values, setValues] = useState<ImportFormValues>(() => emptyImportForm(firstPurpose(purposeStates)))
  const [fileNote, setFileNote] = useState<{ name: string; plates: FilePlates } | null>(null)
  const [result, setResult] = useState<ImportHotlistResult | null>(null)
  const { busy, error, setError, run } = useCoreAction(() => undefined)

  const set =
    <K extends keyof ImportFormValues>(key: K) =>
    (value: ImportFormValues[K]): void =>
      setValues((current) => ({ ...current, [key]: value }))

  const pickFile = async (file: File | null): Promise<void> => {
    setFileNote(null)
    if (!file) return
    if (file.size > MAX_LIST_FILE_BYTES) {
      setError({ code: null, message: t('lapi.import.fileTooLarge', { size: MAX_LIST_FILE_BYTES / 1_000_000 }) })
      return
    }
    try {
      const plates = platesFromFile(await file.text())
      setError(null)
      set('text')(plates.text)
      setFileNote({ name: file.name, plates })
    } catch (failure) {
      setError({ code: null, message: t('lapi.import.fileUnreadable', { message: failure instanceof Error ? failure.message : String(failure) }) })
    }
  }

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const problem = importProblem(values)
    if (problem) {
      const bounds = problem === 'nameLength' ? HOTLIST_NAME : HOTLIST_REASON
      setError({ code: null, message: t(`lapi.import.${problem}`, { min: bounds.min, max: bounds.max }) })
      return
    }
    await run(async () => {
      const imported = await importHotlist(toImportInput(values))
      // The plates in clear are not kept in the page once the core holds their hashes.
      setValues((current) => ({ ...current, text: '' }))
      setResult(imported)
    })
  }

  const close = (open: boolean): void => {
    if (!open) onClose()
  }

  const entries = splitEntries(values.text).length
  const forbidden = (moduleId: LapiModuleId): boolean => purposeStates?.[moduleId] === 'FORBIDDEN'

  return (
    <Modal open onOpenChange={close} title={t('lapi.import.title')} description={t('lapi.import.description')} testId="lapi-import-dialog">
      {result ? (
        <ImportResult result={result} onClose={onClose} />
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)} noValidate>
          <TextField
            label={t('lapi.import.name')}
            value={values.name}
            onChange={set('name')}
            placeholder={t('lapi.import.namePlaceholder')}
            hint={t('lapi.import.nameHint', { min: HOTLIST_NAME.min, max: HOTLIST_NAME.max })}
            minLength={HOTLIST_NAME.min}
            maxLength={HOTLIST_NAME.max}
            autoComplete="off"
            required
            autoFocus
            testId="lapi-import-name"
          />
          <SelectField
            label={t('lapi.import.purpose')}
            value={values.moduleId}
            options={LAPI_PURPOSES.map((moduleId) => {
              const name = t(`lapi.purposes.${moduleId}`)
              return { value: moduleId, label: forbidden(moduleId) ? t('lapi.import.forbiddenOption', { name }) : name }
            })}
            onChange={set('moduleId')}
            hint={t(`lapi.purposeHints.${values.moduleId}`)}
            required
            testId="lapi-import-purpose"
          />
          <TextAreaField
            label={t('lapi.import.reason')}
            value={values.reason}
            onChange={set('reason')}
            hint={t('lapi.import.reasonHint', { count: HOTLIST_REASON.min })}
            minLength={HOTLIST_REASON.min}
            maxLength={HOTLIST_REASON.max}
            rows={3}
            required
            testId="lapi-import-reason"
          />
          <FileField
            label={t('lapi.import.file')}
            accept=".txt,.csv,text/plain,text/csv"
            onChange={(file) => void pickFile(file)}
            hint={t('lapi.import.fileHint')}
            testId="lapi-import-file"
          />
          {fileNote ? <FileNote name={fileNote.name} plates={fileNote.plates} /> : null}
          <TextAreaField
            label={t('lapi.import.text')}
            value={values.text}
            onChange={set('text')}
            hint={
              <>
                {t('lapi.import.textHint')}{' '}
                <span data-testid="lapi-import-count" data-count={entries}>
                  {t('lapi.import.count', { count: entries, value: format.integer(entries) })}
                </span>
              </>
            }
            className="lapi-plates-input"
            rows={8}
            spellCheck={false}
            autoComplete="off"
            required
            testId="lapi-import-text"
          />
          {error ? (
            <ErrorNote
              message={error.code === 'FORBIDDEN' ? t('lapi.import.forbidden', { message: error.message }) : error.message}
              code={error.code}
              testId="lapi-import-error"
            />
          ) : null}
          <div className="form__actions">
            <span className="form__spacer" />
            <button type="button" className="button button--ghost" onClick={onClose} data-testid="lapi-import-cancel">
              {t('lapi.import.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy} data-testid="lapi-import-submit">
              {busy ? t('lapi.import.submitting') : t('lapi.import.submit')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  )
}

function FileNote({ name, plates }: { name: string; plates: FilePlates }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const parts = [t('lapi.import.fileRead', { file: name, count: plates.count, value: format.integer(plates.count) })]
  if (plates.column) parts.push(t('lapi.import.fileColumn', { column: plates.column }))
  if (plates.skipped > 0) parts.push(t('lapi.import.fileSkipped', { count: plates.skipped, value: format.integer(plates.skipped) }))
  return (
    <p className="form__hint lapi-file-note" role="status" data-testid="lapi-import-file-note">
      {parts.join(' · ')}
    </p>
  )
}

function ImportResult({ result, onClose }: { result: ImportHotlistResult; onClose: () => void }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const { hotlist, rejected } = result
  const shown = rejected.slice(0, REJECTED_SHOWN)
  return (
    <div className="form" data-testid="lapi-import-result">
      <p className="note note--ok" role="status" data-testid="lapi-import-done" data-entries={hotlist.entries}>
        {t('lapi.import.done', { name: hotlist.name, count: hotlist.entries, value: format.integer(hotlist.entries) })}
      </p>
      <p className="form__hint">{t('lapi.import.doneHint')}</p>
      {rejected.length === 0 ? (
        <p data-testid="lapi-import-rejected" data-count={0}>
          {t('lapi.import.noneRejected')}
        </p>
      ) : (
        <div data-testid="lapi-import-rejected" data-count={rejected.length}>
          <p>{t('lapi.import.rejected', { count: rejected.length, value: format.integer(rejected.length) })}</p>
          <ul className="lapi-rejected">
            {shown.map((line, index) => (
              <li key={`${index}-${line}`} className="plate-text">
                {line}
              </li>
            ))}
          </ul>
          {rejected.length > shown.length ? <p>{t('lapi.import.rejectedMore', { value: format.integer(rejected.length - shown.length) })}</p> : null}
        </div>
      )}
      <div className="form__actions">
        <span className="form__spacer" />
        <button type="button" className="button button--primary" onClick={onClose} autoFocus data-testid="lapi-import-close">
          {t('lapi.import.close')}
        </button>
      </div>
    </div>
  )
}
