import { useTranslation } from 'react-i18next'
import { MIN_PASSWORD_LENGTH } from '../../../electron/shared/accounts'

type RuleState = 'met' | 'unmet' | 'pending'

export interface PasswordRulesProps {
  /** Referenced by the password field's aria-describedby. */
  id: string
  password: string
  /** The account's username; empty while it is still being typed. */
  username: string
}

type RuleKey = 'minLength' | 'notUsername' | 'notCommon'

/** Only what can be told from here: the list of common passwords stays with the core. */
function ruleStates(password: string, username: string): Array<{ key: RuleKey; state: RuleState }> {
  const name = username.trim().toLowerCase()
  const judged = (met: boolean): RuleState => (password === '' ? 'pending' : met ? 'met' : 'unmet')
  return [
    { key: 'minLength', state: judged(password.length >= MIN_PASSWORD_LENGTH) },
    { key: 'notUsername', state: name === '' ? 'pending' : judged(!password.toLowerCase().includes(name)) },
    { key: 'notCommon', state: 'pending' }
  ]
}

const MARKS: Record<RuleState, string> = { met: '✓', unmet: '✗', pending: '•' }

/** The password rules, ticked as the person types; the core still decides on saving. */
export function PasswordRules({ id, password, username }: PasswordRulesProps) {
  const { t } = useTranslation()
  return (
    <div className="password-rules" id={id}>
      <p className="password-rules__title">{t('password.rulesTitle')}</p>
      <ul>
        {ruleStates(password, username).map(({ key, state }) => (
          <li key={key} data-state={state} data-testid={`password-rule-${key}`}>
            <span className="password-rules__mark" aria-hidden="true">
              {MARKS[state]}
            </span>
            {key === 'minLength' ? t('password.minLength', { count: MIN_PASSWORD_LENGTH }) : t(`password.${key}`)}
            {/* Colour and mark are not read out: say the state in words. */}
            {state !== 'pending' ? <span className="visually-hidden"> ({t(`password.${state}`)})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
