import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react'

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'id'> {
  label: string
  value: string
  onChange: (value: string) => void
  hint?: ReactNode
  testId?: string
}

/** A labelled multi-line input, laid out like TextField: for text people write in sentences. */
export function TextAreaField({ label, value, onChange, hint, testId, rows = 4, ...textarea }: TextAreaFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  return (
    <div className="form__field">
      <label htmlFor={id}>{label}</label>
      <textarea
        {...textarea}
        id={id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={hint ? hintId : undefined}
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
