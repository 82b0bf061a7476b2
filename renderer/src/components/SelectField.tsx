import { useId, type ReactNode } from 'react'

export interface SelectOption<V extends string> {
  value: V
  label: string
}

export interface SelectFieldProps<V extends string> {
  label: string
  value: V
  /** Every choice, an empty one included when the value may be empty (« Choisir… », « Toutes »). */
  options: ReadonlyArray<SelectOption<V>>
  onChange: (value: V) => void
  hint?: ReactNode
  required?: boolean
  testId?: string
}

/** A labelled <select> whose value stays typed: only a listed value ever comes out. */
export function SelectField<V extends string>({ label, value, options, onChange, hint, required, testId }: SelectFieldProps<V>) {
  const id = useId()
  const hintId = `${id}-hint`
  return (
    <div className="form__field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const option = options.find((candidate) => candidate.value === event.target.value)
          if (option) onChange(option.value)
        }}
        aria-describedby={hint ? hintId : undefined}
        required={required}
        data-testid={testId}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={hintId} className="form__hint">
          {hint}
        </p>
      ) : null}
    </div>
  )
}
