import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { AUDIT_ACTIONS, type AuditAction } from '../../../../electron/shared/audit'
import type { SelectOption } from '../../components/SelectField'

/** Every action the trail records, named in the reader's language, in the contract's (grouped) order. */
export function useActionOptions(): Array<SelectOption<AuditAction>> {
  const { t } = useTranslation()
  return useMemo(() => AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`audit.actions.${action}`) })), [t])
}
