import { useTranslation } from 'react-i18next'
import { ROLES, type Role } from '../../../../electron/shared/accounts'
import { toggleRole } from './user-form'

export interface RoleChecklistProps {
  value: Role[]
  onChange: (roles: Role[]) => void
}

/** One checkbox per role, each with what it opens, since a person may hold several. */
export function RoleChecklist({ value, onChange }: RoleChecklistProps) {
  const { t } = useTranslation()
  return (
    <fieldset className="form__group form__group--plain">
      <legend>{t('users.form.roles')}</legend>
      <div className="role-checklist">
        {ROLES.map((role) => (
          <label key={role} className="form__check role-checklist__item">
            <input
              type="checkbox"
              checked={value.includes(role)}
              onChange={(event) => onChange(toggleRole(value, role, event.target.checked))}
              data-testid={`user-form-role-${role}`}
            />
            <span className="role-checklist__text">
              <strong>{t(`roles.${role}`)}</strong>
              <span className="form__hint">{t(`roleHints.${role}`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
