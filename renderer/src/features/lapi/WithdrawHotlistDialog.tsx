import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useCoreAction } from '../../api/use-core-action'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { TextAreaField } from '../../components/TextAreaField'
import type { HotlistInfo } from '../../stores/lapi-store'
import { useLapi } from '../../stores/stores-context'
import { WITHDRAW_REASON, withinLength } from './hotlist-form'

export interface WithdrawHotlistDialogProps {
  hotlist: HotlistInfo
  onClose: () => void
}

/** Withdraws a list: its hashes are deleted, it stays on record as withdrawn; the reason goes to the audit trail. */
export function WithdrawHotlistDialog({ hotlist, onClose }: WithdrawHotlistDialogProps) {
  const { t } = useTranslation()
  const withdraw = useLapi((state) => state.withdrawHotlist)
  const [reason, setReason] = useState('')
  const { busy, error, setError, run } = useCoreAction(onClose)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!withinLength(reason, WITHDRAW_REASON)) {
      setError({ code: null, message: t('lapi.withdraw.tooShort', { min: WITHDRAW_REASON.min, max: WITHDRAW_REASON.max }) })
      return
    }
    await run(() => withdraw(hotlist.id, reason.trim()))
  }

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('lapi.withdraw.title', { name: hotlist.name })}
      description={t(`lapi.withdraw.description.${hotlist.moduleId}`)}
      testId="lapi-withdraw-dialog"
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextAreaField
          label={t('lapi.withdraw.reason')}
          value={reason}
          onChange={setReason}
          hint={t('lapi.withdraw.reasonHint', { count: WITHDRAW_REASON.min })}
          minLength={WITHDRAW_REASON.min}
          maxLength={WITHDRAW_REASON.max}
          required
          autoFocus
          testId="lapi-withdraw-reason"
        />
        {error ? <ErrorNote message={error.message} code={error.code} testId="lapi-withdraw-error" /> : null}
        <div className="form__actions">
          <span className="form__spacer" />
          <button type="button" className="button button--ghost" onClick={onClose} data-testid="lapi-withdraw-cancel">
            {t('lapi.withdraw.cancel')}
          </button>
          <button type="submit" className="button button--danger" disabled={busy} data-testid="lapi-withdraw-submit">
            {busy ? t('lapi.withdraw.submitting') : t('lapi.withdraw.submit')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
