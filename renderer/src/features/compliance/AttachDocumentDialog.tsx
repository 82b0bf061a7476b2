import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModuleStatus } from '../../../../electron/shared/compliance'
import { useCoreAction } from '../../api/use-core-action'
import { ErrorNote } from '../../components/ErrorNote'
import { FileField } from '../../components/FileField'
import { Modal } from '../../components/Modal'
import { SelectField } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import { base64FromFile } from '../../files/base64'
import { useCameras, useCompliance } from '../../stores/stores-context'
import { usePermission } from '../session/use-permission'
import {
  attachProblem,
  emptyAttachForm,
  MAX_DOCUMENT_MEGABYTES,
  toAttachInput,
  type AttachFormValues,
  type AttachProblem,
  type PerimeterInput
} from './attach-form'
import { PerimeterField } from './PerimeterField'

export interface AttachDocumentDialogProps {
  module: ModuleStatus
  onClose: () => void
}

/** Attaches one document to a module's dossier. On any refusal the dialog stays open with everything typed. */
export function AttachDocumentDialog({ module, onClose }: AttachDocumentDialogProps) {
  const { t } = useTranslation()
  const attach = useCompliance((state) => state.attach)
  const mayListCameras = usePermission('camera.view')
  const cameras = useCameras((state) => state.cameras)
  const camerasStatus = useCameras((state) => state.status)
  const perimeterInput: PerimeterInput = mayListCameras && camerasStatus !== 'error' ? 'checklist' : 'typed'
  const [values, setValues] = useState<AttachFormValues>(() => emptyAttachForm(module))
  const { busy: saving, error, setError, run } = useCoreAction(onClose)

  const set =
    <K extends keyof AttachFormValues>(key: K) =>
    (value: AttachFormValues[K]): void =>
      setValues((current) => ({ ...current, [key]: value }))

  const requirement = module.requirements.find((candidate) => candidate.type === values.type)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const refuse = (problem: AttachProblem): void =>
      setError({ code: null, message: t(`compliance.attach.${problem}`, { size: MAX_DOCUMENT_MEGABYTES }) })
    const { file } = values
    if (!file) return refuse('fileMissing')
    const problem = attachProblem(file, values, perimeterInput)
    if (problem) return refuse(problem)
    await run(async () => attach(toAttachInput(module.id, values, perimeterInput, { name: file.name, base64: await base64FromFile(file) })))
  }

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('compliance.attach.title', { name: t(`compliance.modules.${module.id}`) })}
      description={t('compliance.attach.description')}
      testId="attach-dialog"
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <SelectField
          label={t('compliance.attach.type')}
          value={values.type}
          options={module.requirements.map((candidate) => ({ value: candidate.type, label: candidate.label }))}
          onChange={set('type')}
          required
          testId="attach-type"
        />
        <div className="form__row form__row--two">
          <TextField
            label={t('compliance.attach.reference')}
            value={values.reference}
            onChange={set('reference')}
            placeholder={t('compliance.attach.referencePlaceholder')}
            autoComplete="off"
            required
            autoFocus
            testId="attach-reference"
          />
          <TextField
            label={t('compliance.attach.issuer')}
            value={values.issuer}
            onChange={set('issuer')}
            // The rule pack names who issues this kind of document; the person types the actual office.
            hint={requirement ? t('compliance.dossier.issuedBy', { issuer: requirement.issuer }) : undefined}
            autoComplete="off"
            required
            testId="attach-issuer"
          />
        </div>
        <div className="form__row form__row--two">
          <TextField
            label={t('compliance.attach.issuedOn')}
            type="date"
            value={values.issuedOn}
            onChange={set('issuedOn')}
            required
            testId="attach-issued-on"
          />
          <TextField
            label={t('compliance.attach.expiresOn')}
            type="date"
            value={values.expiresOn}
            onChange={set('expiresOn')}
            hint={t('compliance.attach.expiresOnHint')}
            testId="attach-expires-on"
          />
        </div>
        <PerimeterField
          input={perimeterInput}
          cameras={cameras}
          value={values}
          onChange={(perimeter) => setValues((current) => ({ ...current, ...perimeter }))}
        />
        <FileField
          label={t('compliance.attach.file')}
          accept=".pdf,.json,application/pdf,application/json"
          onChange={set('file')}
          hint={t('compliance.attach.fileHint', { size: MAX_DOCUMENT_MEGABYTES })}
          required
          testId="attach-file"
        />
        {error ? <ErrorNote message={error.message} code={error.code} testId="attach-error" /> : null}
        <div className="form__actions">
          <span className="form__spacer" />
          <button type="button" className="button button--ghost" onClick={onClose} data-testid="attach-cancel">
            {t('compliance.attach.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving} data-testid="attach-submit">
            {saving ? t('compliance.attach.submitting') : t('compliance.attach.submit')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
