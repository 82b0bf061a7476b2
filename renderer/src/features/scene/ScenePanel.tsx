import { useEffect, useId, useRef, useState, type Dispatch, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CameraView } from '../../../../electron/shared/camera'
import { RULE_GEOMETRY, RULE_KINDS, type RuleKind } from '../../../../electron/shared/scene'
import { SelectField } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import type { EditorAction, EditorState } from './editor-state'
import { isSimplePolygon, type ShapeKind, type ShapeRef } from './geometry'
import { IssueList } from './IssueList'
import { RuleCard, RuleModule } from './RuleCard'
import { newRuleDraft, rulesUsing, type DecimalSeparator, type SceneIssue, type SceneList } from './scene-form'

export interface ScenePanelProps {
  camera: CameraView
  state: EditorState
  dispatch: Dispatch<EditorAction>
  issues: SceneIssue[]
  separator: DecimalSeparator
  announce: (text: string) => void
  onDeleteShape: (shape: ShapeRef) => void
}

/** The lists beside the picture: zones, lines, masks and rules, each editable by keyboard. */
export function ScenePanel({ camera, state, dispatch, issues, separator, announce, onDeleteShape }: ScenePanelProps) {
  const { t } = useTranslation()
  const { draft, selection } = state
  const issuesOf = (list: SceneList, id: string): SceneIssue[] => issues.filter((issue) => issue.list === list && issue.itemId === id)
  const isSelected = (kind: ShapeKind, id: string): boolean =>
    selection?.kind === 'shape' && selection.shape.kind === kind && selection.shape.id === id
  const select = (kind: ShapeKind, id: string): void => dispatch({ type: 'select', selection: { kind: 'shape', shape: { kind, id }, vertex: null } })

  return (
    <aside className="scene-panel" aria-label={t('scene.panelLabel')} data-testid="scene-panel">
      <PanelSection title={t('scene.zones.title')} count={draft.zones.length} testId="scene-zones">
        {draft.zones.length === 0 ? <p className="empty-state">{t('scene.zones.empty')}</p> : <p className="form__hint">{t('scene.zones.areaHint')}</p>}
        <ul className="scene-list">
          {draft.zones.map((zone) => {
            const used = rulesUsing(draft, 'zones', zone.id).length
            const zoneIssues = issuesOf('zones', zone.id)
            return (
              <ShapeItem
                key={zone.id}
                kind="zone"
                id={zone.id}
                name={zone.name}
                selected={isSelected('zone', zone.id)}
                meta={[t('scene.item.vertices', { count: zone.polygon.length }), used > 0 ? t('scene.item.usedBy', { count: used }) : null]}
                issues={zoneIssues}
                fields={['name', 'groundAreaM2']}
                onSelect={() => select('zone', zone.id)}
                onDelete={() => onDeleteShape({ kind: 'zone', id: zone.id })}
                onRename={(name) => dispatch({ type: 'updateZone', id: zone.id, patch: { name }, editKey: `zone-${zone.id}-name` })}
                warning={isSimplePolygon(zone.polygon) ? null : t('scene.zones.selfIntersecting')}
              >
                {(fieldIssues) => (
                  <div>
                    <TextField
                      label={t('scene.zones.area')}
                      value={zone.groundAreaM2}
                      onChange={(groundAreaM2) => dispatch({ type: 'updateZone', id: zone.id, patch: { groundAreaM2 }, editKey: `zone-${zone.id}-area` })}
                      inputMode="decimal"
                      autoComplete="off"
                      aria-invalid={fieldIssues('groundAreaM2').length > 0 || undefined}
                      testId={`scene-zone-area-${zone.id}`}
                    />
                    <IssueList messages={fieldIssues('groundAreaM2')} />
                  </div>
                )}
              </ShapeItem>
            )
          })}
        </ul>
      </PanelSection>

      <PanelSection title={t('scene.lines.title')} count={draft.lines.length} testId="scene-lines">
        {draft.lines.length === 0 ? <p className="empty-state">{t('scene.lines.empty')}</p> : <p className="form__hint">{t('scene.lines.sides')}</p>}
        <ul className="scene-list">
          {draft.lines.map((line) => {
            const used = rulesUsing(draft, 'lines', line.id).length
            return (
              <ShapeItem
                key={line.id}
                kind="line"
                id={line.id}
                name={line.name}
                selected={isSelected('line', line.id)}
                meta={[used > 0 ? t('scene.item.usedBy', { count: used }) : null]}
                issues={issuesOf('lines', line.id)}
                fields={['name']}
                onSelect={() => select('line', line.id)}
                onDelete={() => onDeleteShape({ kind: 'line', id: line.id })}
                onRename={(name) => dispatch({ type: 'updateLine', id: line.id, patch: { name }, editKey: `line-${line.id}-name` })}
                extraAction={
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    onClick={() => dispatch({ type: 'swapLine', id: line.id })}
                    aria-label={t('scene.lines.swapNamed', { name: line.name })}
                    data-testid={`scene-line-swap-${line.id}`}
                  >
                    {t('scene.lines.swap')}
                  </button>
                }
              />
            )
          })}
        </ul>
      </PanelSection>

      <PanelSection title={t('scene.masks.title')} count={draft.masks.length} testId="scene-masks">
        <p className="form__hint">{t('scene.masks.intro')}</p>
        {draft.masks.length === 0 ? <p className="empty-state">{t('scene.masks.empty')}</p> : null}
        <ul className="scene-list">
          {draft.masks.map((mask) => (
            <ShapeItem
              key={mask.id}
              kind="mask"
              id={mask.id}
              name={mask.name}
              selected={isSelected('mask', mask.id)}
              meta={[t('scene.item.vertices', { count: mask.polygon.length })]}
              issues={issuesOf('masks', mask.id)}
              fields={['name']}
              onSelect={() => select('mask', mask.id)}
              onDelete={() => onDeleteShape({ kind: 'mask', id: mask.id })}
              onRename={(name) => dispatch({ type: 'updateMask', id: mask.id, patch: { name }, editKey: `mask-${mask.id}-name` })}
              warning={isSimplePolygon(mask.polygon) ? null : t('scene.zones.selfIntersecting')}
            />
          ))}
        </ul>
      </PanelSection>

      <PanelSection title={t('scene.rules.title')} count={draft.rules.length} testId="scene-rules">
        {draft.rules.length === 0 ? <p className="empty-state">{t('scene.rules.empty')}</p> : null}
        <ul className="scene-list">
          {draft.rules.map((rule) => (
            <RuleCard
              key={rule.id}
              camera={camera}
              rule={rule}
              draft={draft}
              selected={selection?.kind === 'rule' && selection.id === rule.id}
              issues={issuesOf('rules', rule.id)}
              separator={separator}
              dispatch={dispatch}
            />
          ))}
        </ul>
        <AddRule camera={camera} state={state} dispatch={dispatch} separator={separator} announce={announce} />
      </PanelSection>
    </aside>
  )
}

function PanelSection({ title, count, testId, children }: { title: string; count: number; testId: string; children: ReactNode }) {
  const headingId = useId()
  return (
    <section className="scene-panel__section" aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId} className="scene-panel__title">
        {title} <span className="scene-panel__count">{count}</span>
      </h3>
      {children}
    </section>
  )
}

interface ShapeItemProps {
  kind: ShapeKind
  id: string
  name: string
  selected: boolean
  meta: Array<string | null>
  issues: SceneIssue[]
  /** Fields shown in the item: their problems go next to them, the others at the bottom. */
  fields: string[]
  onSelect: () => void
  onDelete: () => void
  onRename: (name: string) => void
  warning?: string | null
  extraAction?: ReactNode
  children?: (fieldIssues: (field: string) => string[]) => ReactNode
}

function ShapeItem(props: ShapeItemProps) {
  const { kind, id, name, selected, meta, issues, fields, warning, extraAction, children } = props
  const { t } = useTranslation()
  const itemRef = useRef<HTMLLIElement>(null)
  const nameIssuesId = useId()
  const fieldIssues = (field: string): string[] => issues.filter((issue) => issue.field === field).map((issue) => issue.message)
  const rest = issues.filter((issue) => issue.field === null || !fields.includes(issue.field)).map((issue) => issue.message)

  useEffect(() => {
    if (selected) itemRef.current?.scrollIntoView({ block: 'nearest' })
  }, [selected])

  return (
    <li ref={itemRef} className="scene-item" data-kind={kind} data-selected={selected || undefined} data-flagged={issues.length > 0 || undefined} data-testid={`scene-${kind}-item-${id}`}>
      <div className="scene-item__head">
        <button
          type="button"
          className="scene-item__select"
          aria-pressed={selected}
          aria-label={t('scene.item.selectNamed', { name: name || id })}
          onClick={props.onSelect}
          data-testid={`scene-${kind}-select-${id}`}
        >
          <span className="scene-swatch" data-kind={kind} aria-hidden="true" />
          <span className="scene-item__title">{name || '—'}</span>
        </button>
        {extraAction}
        <button
          type="button"
          className="button button--small button--danger-ghost"
          onClick={props.onDelete}
          aria-label={t('scene.item.deleteNamed', { name: name || id })}
          data-testid={`scene-${kind}-delete-${id}`}
        >
          {t('scene.item.delete')}
        </button>
      </div>
      <p className="scene-item__meta">{[...meta.filter(Boolean), t('scene.item.id', { id })].join(' · ')}</p>
      <div className="scene-item__fields" data-columns={children ? 2 : 1}>
        <div>
          <TextField
            label={t('scene.item.name')}
            value={name}
            onChange={props.onRename}
            maxLength={80}
            autoComplete="off"
            aria-invalid={fieldIssues('name').length > 0 || undefined}
            describedBy={fieldIssues('name').length > 0 ? nameIssuesId : undefined}
            testId={`scene-${kind}-name-${id}`}
          />
          <IssueList id={nameIssuesId} messages={fieldIssues('name')} />
        </div>
        {children?.(fieldIssues)}
      </div>
      {warning ? <p className="scene-warning">{warning}</p> : null}
      <IssueList messages={rest} />
    </li>
  )
}

interface AddRuleProps {
  camera: CameraView
  state: EditorState
  dispatch: Dispatch<EditorAction>
  separator: DecimalSeparator
  announce: (text: string) => void
}

/** « Ajouter une règle »: a kind first (with what it does and which module it needs), then the rule at its defaults. */
function AddRule({ camera, state, dispatch, separator, announce }: AddRuleProps) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [kind, setKind] = useState<RuleKind | ''>('')

  if (!open) {
    return (
      <button type="button" className="button button--small" onClick={() => setOpen(true)} data-testid="scene-rule-add">
        {t('scene.rules.add')}
      </button>
    )
  }

  const create = (): void => {
    if (!kind) return
    const label = t(`analytics.ruleKinds.${kind}`)
    const number = state.draft.rules.filter((rule) => rule.kind === kind).length + 1
    const name = t('scene.rules.defaultName', { kind: label, number })
    let rule = newRuleDraft(kind, state.draft, name, separator)
    // The zone or line selected on the picture is the one most likely meant.
    const selected = state.selection?.kind === 'shape' ? state.selection.shape : null
    if (selected?.kind === 'zone' && RULE_GEOMETRY[kind].zone !== 'none') rule = { ...rule, zoneId: selected.id }
    if (selected?.kind === 'line' && RULE_GEOMETRY[kind].line !== 'none') rule = { ...rule, lineId: selected.id }
    dispatch({ type: 'addRule', rule })
    announce(t('scene.announce.ruleAdded', { name }))
    setOpen(false)
    setKind('')
  }

  return (
    <div className="scene-add-rule" role="group" aria-label={t('scene.rules.add')} data-testid="scene-rule-new">
      <SelectField<RuleKind | ''>
        label={t('scene.rules.kind')}
        value={kind}
        options={[{ value: '', label: t('scene.rules.chooseKind') }, ...RULE_KINDS.map((k) => ({ value: k, label: t(`analytics.ruleKinds.${k}`) }))]}
        onChange={setKind}
        hint={kind ? t(`analytics.ruleKindHints.${kind}`) : undefined}
        testId="scene-rule-new-kind"
      />
      {kind ? <RuleModule camera={camera} kind={kind} /> : null}
      <div className="form__actions">
        <button type="button" className="button button--small button--ghost" onClick={() => setOpen(false)} data-testid="scene-rule-cancel">
          {t('scene.rules.cancel')}
        </button>
        <button type="button" className="button button--small button--primary" onClick={create} disabled={!kind} data-testid="scene-rule-create">
          {t('scene.rules.create')}
        </button>
      </div>
    </div>
  )
}
