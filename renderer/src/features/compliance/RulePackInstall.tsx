import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RulePackInfo } from '../../../../electron/shared/compliance'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { FileField } from '../../components/FileField'
import { base64FromFile } from '../../files/base64'
import { useFormatters } from '../../i18n/format'
import { useCompliance } from '../../stores/stores-context'

type InstallState = { status: 'idle' } | { status: 'running' } | { status: 'done'; pack: RulePackInfo } | { status: 'error'; error: ShownError }

/** A new rule pack goes in as a file; the core checks it and says what it refuses. */
export function RulePackInstall() {
  const { t } = useTranslation()
  const format = useFormatters()
  const installRulePack = useCompliance((state) => state.installRulePack)
  const [state, setState] = useState<InstallState>({ status: 'idle' })
  // A new key empties the picker after each attempt, so the same file can be picked again after a fix.
  const [attempt, setAttempt] = useState(0)

  const install = async (file: File | null): Promise<void> => {
    if (!file) return
    setState({ status: 'running' })
    try {
      const pack = await installRulePack(file.name, await base64FromFile(file))
      setState({ status: 'done', pack })
    } catch (error) {
      setState({ status: 'error', error: toShownError(error) })
    } finally {
      setAttempt((count) => count + 1)
    }
  }

  return (
    <div className="rule-pack-install">
      <FileField
        key={attempt}
        label={state.status === 'running' ? t('compliance.rulePacks.installing') : t('compliance.rulePacks.install')}
        accept=".json,application/json"
        onChange={(file) => void install(file)}
        disabled={state.status === 'running'}
        testId="rulepack-install"
      />
      {state.status === 'done' ? (
        <p className="rule-pack-install__result" role="status" data-testid="rulepack-install-result">
          {t('compliance.rulePacks.installed', {
            id: state.pack.id,
            version: state.pack.version,
            date: format.calendarDate(state.pack.effectiveDate)
          })}
        </p>
      ) : null}
      {state.status === 'error' ? <ErrorNote message={state.error.message} code={state.error.code} testId="rulepack-install-error" /> : null}
    </div>
  )
}
