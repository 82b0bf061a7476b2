import { useEffect, useId, useRef, useState, type Dispatch } from 'react'
import { useTranslation } from 'react-i18next'
import type { CameraView } from '../../../../electron/shared/camera'
import { CROSSING_DIRECTIONS, RULE_GEOMETRY, RULE_KINDS, RULE_MODULE, type RuleKind } from '../../../../electron/shared/scene'
import { ClampedText } from '../../components/ClampedText'
import { SelectField } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import { useFormatters, type Formatters } from '../../i18n/format'
import { useAnalytics } from '../../stores/stores-context'
import type { EditorAction } from './editor-state'
import { moduleRunState } from './module-run'
import { IssueList } from './IssueList'
import {
  changeRuleKind,
  isCountsOnly,
  paramFields,
  type AlertPriority,
  type DecimalSeparator,
  type ParamField,
  type ParamValue,
  type RuleDraft,
  type SceneDraft,
  type SceneIssue
} from './scene-form'

type Direction = (typeof CROSSING_DIRECTIONS)[number]
const PRIORITIES: readonly AlertPriority[] = ['low', 'normal', 'high']

export interface RuleCardProps {
  camera: CameraView
  rule: RuleDraft
  draft: SceneDraft
  /** Selected rules open by themselves (a new rule, a problem shown); any rule can be opened by hand. */
  selected: boolean
  issues: SceneIssue[]
  separator: DecimalSeparator
  dispatch: Dispatch<EditorAction>
}

/** One rule: a summary line, and its whole form once opened. */
export function RuleCard({ camera, rule, draft, selected, issues, separator, dispatch }: RuleCardProps) {
  const { t } = useTranslation()
  const itemRef = useRef<HTMLLIElement>(null)
  const bodyId = useId()
  const geometry = RULE_GEOMETRY[rule.kind]
  const zone = draft.zones.find((z) => z.id === rule.zoneId)
  const line = draft.lines.find((l) => l.id === rule.lineId)
  const watched = [zone?.name, line?.name].filter(Boolean).join(' · ')

  const [expanded, setExpanded] = useState(selected)

  useEffect(() => {
    if (!selected) return
    setExpanded(true)
    itemRef.current?.scrollIntoView({ block: 'nearest' })
  }, [selected])

  const toggle = (): void => {
    setExpanded(!expanded)
    // Opening a rule selects it, so that the picture shows what it watches.
    if (!expanded) dispatch({ type: 'select', selection: { kind: 'rule', id: rule.id } })
    else if (selected) dispatch({ type: 'select', selection: null })
  }

  return (
    <li
      ref={itemRef}
      className="scene-item scene-rule"
      data-selected={selected || undefined}
      data-flagged={issues.length > 0 || undefined}
      data-enabled={rule.enabled}
      data-testid={`scene-rule-item-${rule.id}`}
      data-kind={rule.kind}
    >
      <div className="scene-item__head">
        <button
          type="button"
          className="scene-item__select"
          aria-expanded={expanded}
          aria-controls={bodyId}
          aria-label={t('scene.rules.expand', { name: rule.name || t(`analytics.ruleKinds.${rule.kind}`) })}
          onClick={toggle}
          data-testid={`scene-rule-toggle-${rule.id}`}
        >
          <span className="scene-rule__chevron" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>
          <span className="scene-item__title">{rule.name || '—'}</span>
        </button>
        <button
          type="button"
          className="button button--small button--danger-ghost"
          onClick={() => dispatch({ type: 'deleteRule', id: rule.id })}
          aria-label={t('scene.item.deleteNamed', { name: rule.name })}
          data-testid={`scene-rule-delete-${rule.id}`}
        >
          {t('scene.item.delete')}
        </button>
      </div>
      <p className="scene-item__meta">
        {t(`analytics.ruleKinds.${rule.kind}`)}
        {watched ? ` · ${watched}` : ''}
        {!rule.enabled ? ` · ${t('scene.rules.disabled')}` : ''}
        {!isCountsOnly(rule.kind) ? ` · ${t(`analytics.priorities.${rule.priority}`)}` : ''}
      </p>
      <RuleModule camera={camera} kind={rule.kind} ruleId={rule.id} />
      {expanded ? (
        <div id={bodyId} className="scene-item__fields">
          <RuleForm rule={rule} draft={draft} issues={issues} separator={separator} dispatch={dispatch} geometry={geometry} />
        </div>
      ) : (
        <IssueList messages={issues.map((issue) => issue.message)} />
      )}
    </li>
  )
}

export function RuleModule({ camera, kind, ruleId }: { camera: CameraView; kind: RuleKind; ruleId?: string }) {
  const { t } = useTranslation()
  const runs = useAnalytics((state) => state.runs[camera.id])
  const moduleId = RULE_MODULE[kind]
  const run = moduleRunState(camera.analytics, runs, moduleId)
  const text =
    run.kind === 'running'
      ? t('scene.run.running')
      : run.kind === 'stopped'
        ? run.reason || t('scene.run.stopped')
        : run.kind === 'notRequested'
          ? t('scene.run.notRequested')
          : t('scene.run.unreported')
  return (
    <div className="scene-run" data-run={run.kind} data-testid={ruleId ? `scene-rule-module-${ruleId}` : 'scene-new-rule-module'} data-module={moduleId}>
      <span className="scene-run__dot" aria-hidden="true" />
      <div className="scene-run__text">
        <span className="scene-run__module">{t('scene.rules.module', { name: t(`compliance.modules.${moduleId}`) })}</span>
        {/* The core's reasons can run to a paragraph of legal references: two lines, the rest on demand. */}
        <ClampedText text={text} moreLabel={t('compliance.readMore')} lessLabel={t('compliance.readLess')} className="scene-run__state" />
        {isCountsOnly(kind) ? <span className="scene-run__note">{t('scene.rules.countsOnly')}</span> : null}
      </div>
    </div>
  )
}

interface RuleFormProps {
  rule: RuleDraft
  draft: SceneDraft
  issues: SceneIssue[]
  separator: DecimalSeparator
  dispatch: Dispatch<EditorAction>
  geometry: (typeof RULE_GEOMETRY)[RuleKind]
}

function RuleForm({ rule, draft, issues, separator, dispatch, geometry }: RuleFormProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const ids = useId()
  const issueId = (field: string): string => `${ids}-${field}-issues`
  const messagesFor = (field: string): string[] => issues.filter((issue) => issue.field === field).map((issue) => issue.message)
  const fields = paramFields(rule.kind)
  const shown = new Set<string>(['name', 'kind', 'zoneId', 'lineId', 'enabled', 'priority', ...fields.map((field) => field.name)])
  const rest = issues.filter((issue) => issue.field === null || !shown.has(issue.field)).map((issue) => issue.message)

  const update = (next: RuleDraft, editKey: string | null): void => dispatch({ type: 'updateRule', id: rule.id, rule: next, editKey })
  const setParam = (name: ParamField['name'], value: ParamValue, typing: boolean): void =>
    update({ ...rule, params: { ...rule.params, [name]: value } }, typing ? `rule-${rule.id}-${name}` : null)

  const invalid = (field: string): { 'aria-invalid'?: true; describedBy?: string } =>
    messagesFor(field).length > 0 ? { 'aria-invalid': true, describedBy: issueId(field) } : {}

  // Without a zone, object-left watches the whole picture; counting then counts crossings only.
  const zoneNone = rule.kind === 'people-counting' ? t('scene.rules.countingZoneNone') : t('scene.rules.zoneOptional')
  const lineNone = rule.kind === 'people-counting' ? t('scene.rules.countingLineNone') : t('scene.rules.lineOptional')
  const zoneOptions = [
    { value: '', label: geometry.zone === 'required' ? t('scene.rules.choose') : zoneNone },
    ...draft.zones.map((zone) => ({ value: zone.id, label: zone.name || zone.id }))
  ]
  const lineOptions = [
    { value: '', label: geometry.line === 'required' ? t('scene.rules.choose') : lineNone },
    ...draft.lines.map((line) => ({ value: line.id, label: line.name || line.id }))
  ]

  return (
    <>
      <TextField
        label={t('scene.item.name')}
        value={rule.name}
        onChange={(name) => update({ ...rule, name }, `rule-${rule.id}-name`)}
        maxLength={80}
        autoComplete="off"
        testId={`scene-rule-name-${rule.id}`}
        {...invalid('name')}
      />
      <IssueList id={issueId('name')} messages={messagesFor('name')} />
      <SelectField<RuleKind>
        label={t('scene.rules.kind')}
        value={rule.kind}
        options={RULE_KINDS.map((kind) => ({ value: kind, label: t(`analytics.ruleKinds.${kind}`) }))}
        onChange={(kind) => update(changeRuleKind(rule, kind, draft, separator), null)}
        hint={t(`analytics.ruleKindHints.${rule.kind}`)}
        testId={`scene-rule-kind-${rule.id}`}
      />
      {geometry.zone !== 'none' ? (
        <>
          <SelectField
            label={t('scene.rules.zone')}
            value={rule.zoneId}
            options={zoneOptions}
            onChange={(zoneId) => update({ ...rule, zoneId }, null)}
            hint={draft.zones.length === 0 ? t('scene.rules.noZones') : undefined}
            testId={`scene-rule-zone-${rule.id}`}
          />
          <IssueList id={issueId('zoneId')} messages={messagesFor('zoneId')} />
        </>
      ) : null}
      {geometry.line !== 'none' ? (
        <>
          <SelectField
            label={t('scene.rules.line')}
            value={rule.lineId}
            options={lineOptions}
            onChange={(lineId) => update({ ...rule, lineId }, null)}
            hint={draft.lines.length === 0 ? t('scene.rules.noLines') : undefined}
            testId={`scene-rule-line-${rule.id}`}
          />
          <IssueList id={issueId('lineId')} messages={messagesFor('lineId')} />
        </>
      ) : null}
      <div className="scene-rule__row">
        <label className="form__check">
          <input
            type="checkbox"
            checked={rule.enabled}
            onChange={(event) => update({ ...rule, enabled: event.target.checked }, null)}
            data-testid={`scene-rule-enabled-${rule.id}`}
          />
          {t('scene.rules.enabled')}
        </label>
        {!isCountsOnly(rule.kind) ? (
          <SelectField<AlertPriority>
            label={t('scene.rules.priority')}
            value={rule.priority}
            options={PRIORITIES.map((priority) => ({ value: priority, label: t(`analytics.priorities.${priority}`) }))}
            onChange={(priority) => update({ ...rule, priority }, null)}
            testId={`scene-rule-priority-${rule.id}`}
          />
        ) : null}
      </div>
      {fields.length > 0 ? (
        <fieldset className="form__group scene-rule__parameters">
          <legend>{t('scene.rules.parameters')}</legend>
          {fields.map((field) => (
            <div key={field.name} className="scene-param">
              <ParamInput
                ruleId={rule.id}
                field={field}
                value={rule.params[field.name]}
                separator={separator}
                format={format}
                onChange={(value, typing) => setParam(field.name, value, typing)}
                invalid={invalid(field.name)}
              />
              <IssueList id={issueId(field.name)} messages={messagesFor(field.name)} />
            </div>
          ))}
        </fieldset>
      ) : null}
      <IssueList messages={rest} />
    </>
  )
}

interface ParamInputProps {
  ruleId: string
  field: ParamField
  value: ParamValue | undefined
  separator: DecimalSeparator
  format: Formatters
  /** `typing`: one more keystroke of the same field (one undo step for the whole word). */
  onChange: (value: ParamValue, typing: boolean) => void
  invalid: { 'aria-invalid'?: true; describedBy?: string }
}

function ParamInput({ ruleId, field, value, format, onChange, invalid }: ParamInputProps) {
  const { t } = useTranslation()
  const testId = `scene-rule-param-${ruleId}-${field.name}`
  const label = t(`scene.parameters.${field.name}`)
  const hint = t(`scene.parameterHints.${field.name}`)
  switch (field.type) {
    case 'number': {
      const unit = field.unit ? t(`scene.units.${field.unit}`) : null
      const bounds = [
        field.min ? t(field.min.inclusive ? 'scene.rules.atLeast' : 'scene.rules.moreThan', { value: format.decimal(field.min.value) }) : null,
        field.max ? t(field.max.inclusive ? 'scene.rules.atMost' : 'scene.rules.lessThan', { value: format.decimal(field.max.value) }) : null,
        field.integer ? t('scene.rules.integer') : null
      ].filter(Boolean)
      const defaultText = t('scene.rules.defaultValue', { value: `${format.decimal(field.defaultValue)}${unit && field.unit !== 'fraction' ? ` ${unit}` : ''}` })
      return (
        <TextField
          label={unit ? `${label} (${unit})` : label}
          value={typeof value === 'string' ? value : ''}
          onChange={(text) => onChange(text, true)}
          inputMode={field.integer ? 'numeric' : 'decimal'}
          autoComplete="off"
          spellCheck={false}
          hint={`${hint} ${defaultText}${bounds.length > 0 ? ` · ${bounds.join(' · ')}` : ''}.`}
          testId={testId}
          {...invalid}
        />
      )
    }
    case 'boolean':
      return (
        <div className="form__field">
          <label className="form__check">
            <input type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked, false)} data-testid={testId} />
            {label}
          </label>
          <p className="form__hint">{hint}</p>
        </div>
      )
    case 'enum':
      return (
        <SelectField
          label={label}
          value={typeof value === 'string' ? value : field.defaultValue}
          options={field.options.map((option) => ({ value: option, label: t(`analytics.directions.${option as Direction}`) }))}
          onChange={(option) => onChange(option, false)}
          hint={`${hint} ${t('scene.rules.defaultValue', { value: t(`analytics.directions.${field.defaultValue as Direction}`) })}`}
          testId={testId}
        />
      )
    case 'classes': {
      const chosen = Array.isArray(value) ? value : field.defaultValue
      return (
        <fieldset className="form__group form__group--plain" data-testid={testId} aria-describedby={invalid.describedBy}>
          <legend>{label}</legend>
          <div className="scene-classes">
            {field.options.map((group) => (
              <label key={group} className="form__check">
                <input
                  type="checkbox"
                  checked={chosen.includes(group)}
                  onChange={(event) =>
                    onChange(event.target.checked ? field.options.filter((g) => g === group || chosen.includes(g)) : chosen.filter((g) => g !== group), false)
                  }
                  data-testid={`${testId}-${group}`}
                />
                {t(`analytics.classGroups.${group}`)}
              </label>
            ))}
          </div>
          <p className="form__hint">{hint}</p>
        </fieldset>
      )
    }
    case 'thresholds': {
      const thresholds = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : { low: '', high: '' }
      const unit = t(`scene.units.${field.unit}`)
      return (
        <fieldset className="form__group form__group--plain" aria-describedby={invalid.describedBy}>
          <legend>{`${label} (${unit})`}</legend>
          <div className="form__row form__row--two">
            <TextField
              label={t('scene.rules.thresholdLow')}
              value={thresholds.low}
              onChange={(low) => onChange({ ...thresholds, low }, true)}
              inputMode="decimal"
              autoComplete="off"
              testId={`${testId}-low`}
              aria-invalid={invalid['aria-invalid']}
            />
            <TextField
              label={t('scene.rules.thresholdHigh')}
              value={thresholds.high}
              onChange={(high) => onChange({ ...thresholds, high }, true)}
              inputMode="decimal"
              autoComplete="off"
              testId={`${testId}-high`}
              aria-invalid={invalid['aria-invalid']}
            />
          </div>
          <p className="form__hint">
            {hint} {t('scene.rules.defaultValue', { value: `${format.decimal(field.defaultValue.low)} / ${format.decimal(field.defaultValue.high)} ${unit}` })}
          </p>
        </fieldset>
      )
    }
  }
}
