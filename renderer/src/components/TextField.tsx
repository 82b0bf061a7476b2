import { useId, type InputHTMLAttributes, type ReactNode } from 'react'

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'> {
  label: string
  value: string
  onChange: (value: string) => void
  hint?: ReactNode
  /** Ids of other elements describing the field (password rules, an error). */
  describedBy?: string
  testId?: string
}

/** A labelled input with an optional hint, the way every form of the console lays them out. */
export function TextField({ label, value, onChange, hint, describedBy, testId, type = 'text', ...input }: TextFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const described = [hint ? hintId : null, describedBy ?? null].filter(Boolean).join(' ') || undefined
  return (
    <div className="form__field">
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={described}
        data-testid={testId}
      />
      {hint ? (
        <p id={hintId} className="form__hint">
          {hint}
        </p>
      ) : null}
    </div>
  )
}
