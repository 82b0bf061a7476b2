import { useId, type ReactNode } from 'react'

export interface FileFieldProps {
  label: string
  /** File name endings and types offered by the picker: « .pdf,.json ». */
  accept: string
  onChange: (file: File | null) => void
  hint?: ReactNode
  disabled?: boolean
  required?: boolean
  testId?: string
}

/**
 * A labelled file picker. The browser keeps the chosen file itself (a file input cannot be set from
 * script), so the field stays as picked for as long as it is mounted.
 */
export function FileField({ label, accept, onChange, hint, disabled, required, testId }: FileFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  return (
    <div className="form__field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        className="file-input"
        accept={accept}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        aria-describedby={hint ? hintId : undefined}
        disabled={disabled}
        required={required}
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
