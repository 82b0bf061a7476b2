import * as Dialog from '@radix-ui/react-dialog'
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CameraView } from '../../../../electron/shared/camera'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { useDecimalSeparator } from '../../i18n/format'
import { useScenes } from '../../stores/stores-context'
import { editorReducer, initialEditorState, shapePoints, type DefaultName, type Tool } from './editor-state'
import type { ShapeRef } from './geometry'
import { IssueList } from './IssueList'
import { ScenePanel } from './ScenePanel'
import { SceneStage } from './SceneStage'
import { SceneToolbar } from './SceneToolbar'
import {
  draftFromScene,
  EMPTY_DRAFT,
  issuesFromCoreMessage,
  sameDraft,
  sceneFromDraft,
  validateDraft,
  type SceneDraft,
  type SceneIssue
} from './scene-form'

export interface SceneEditorDialogProps {
  camera: CameraView
  onClose: () => void
}

type LoadState = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: ShownError }

const TOOL_KEYS: Record<string, Tool> = { v: 'select', z: 'zone', l: 'line', m: 'mask' }

function isFormControl(target: EventTarget): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
}

/**
 * The scene editor of one camera, over the whole window: the live picture to draw on, the lists of
 * zones, lines, masks and rules beside it. The scene is saved as a whole; until then nothing reaches
 * the core, and closing with changes asks first.
 */
export function SceneEditorDialog({ camera, onClose }: SceneEditorDialogProps) {
  const { t } = useTranslation()
  const load = useScenes((state) => state.load)
  const save = useScenes((state) => state.save)
  const separator = useDecimalSeparator()
  const [loadState, setLoadState] = useState<LoadState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [baseline, setBaseline] = useState<SceneDraft>(EMPTY_DRAFT)
  const [state, dispatch] = useReducer(editorReducer, EMPTY_DRAFT, initialEditorState)
  const [coreIssues, setCoreIssues] = useState<SceneIssue[]>([])
  const [saveError, setSaveError] = useState<ShownError | null>(null)
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState(false)
  const [triedToSave, setTriedToSave] = useState(false)
  const [confirmingClose, setConfirmingClose] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const summaryRef = useRef<HTMLDivElement>(null)

  const cameraId = camera.id
  // Read on loading only: switching language mid-edit does not retype the numbers already there.
  const [loadSeparator] = useState(separator)
  useEffect(() => {
    let current = true
    setLoadState({ status: 'loading' })
    load(cameraId).then(
      (scene) => {
        if (!current) return
        const draft = draftFromScene(scene, loadSeparator)
        setBaseline(draft)
        dispatch({ type: 'reset', draft })
        setLoadState({ status: 'ready' })
      },
      (error: unknown) => {
        if (current) setLoadState({ status: 'error', error: toShownError(error) })
      }
    )
    return () => {
      current = false
    }
  }, [load, cameraId, attempt, loadSeparator])

  const dirty = loadState.status === 'ready' && !sameDraft(state.draft, baseline)
  const localIssues = useMemo(() => validateDraft(state.draft), [state.draft])
  const issues = useMemo(() => {
    const live = new Set(localIssues.map((issue) => `${issue.itemId}/${issue.field}/${issue.message}`))
    const exists = (issue: SceneIssue): boolean =>
      issue.list !== null && issue.itemId !== null && (state.draft[issue.list] as ReadonlyArray<{ id: string }>).some((item) => item.id === issue.itemId)
    return [...localIssues, ...coreIssues.filter((issue) => exists(issue) && !live.has(`${issue.itemId}/${issue.field}/${issue.message}`))]
  }, [localIssues, coreIssues, state.draft])
  const flagged = useMemo(() => new Set(issues.filter((issue) => issue.list !== 'rules' && issue.itemId).map((issue) => issue.itemId as string)), [issues])
  const sceneIssues = issues.filter((issue) => issue.list === null || issue.itemId === null)

  useEffect(() => {
    if (dirty) setSaved(false)
  }, [dirty])

  const announce = useCallback((text: string) => {
    // The same sentence twice in a row must still be read out.
    setAnnouncement('')
    requestAnimationFrame(() => setAnnouncement(text))
  }, [])

  const defaultName = useCallback<DefaultName>((kind, number) => t(`scene.defaults.${kind}`, { number }), [t])

  // A new shape is announced by name once the reducer has created it.
  const counts = useRef({ zones: 0, lines: 0, masks: 0 })
  useEffect(() => {
    const previous = counts.current
    const { zones, lines, masks } = state.draft
    const created =
      zones.length > previous.zones ? zones[zones.length - 1] : lines.length > previous.lines ? lines[lines.length - 1] : masks.length > previous.masks ? masks[masks.length - 1] : null
    counts.current = { zones: zones.length, lines: lines.length, masks: masks.length }
    if (created && loadState.status === 'ready' && state.past.length > 0) announce(t('scene.announce.created', { name: created.name }))
  }, [state.draft, state.past.length, loadState.status, announce, t])

  const requestClose = (): void => {
    if (dirty) setConfirmingClose(true)
    else onClose()
  }

  const deleteShape = (shape: ShapeRef): void => {
    const name = [...state.draft.zones, ...state.draft.lines, ...state.draft.masks].find((item) => item.id === shape.id)?.name ?? shape.id
    dispatch({ type: 'deleteShape', shape })
    announce(t('scene.announce.deleted', { name }))
  }

  const deleteSelection = (): void => {
    const selection = state.selection
    if (selection?.kind === 'rule') {
      dispatch({ type: 'deleteRule', id: selection.id })
      return
    }
    if (selection?.kind !== 'shape') return
    if (selection.vertex !== null && selection.shape.kind !== 'line') {
      const points = shapePoints(state.draft, selection.shape)
      if (points && points.length <= 3) announce(t('scene.announce.keepThree'))
      else dispatch({ type: 'deleteVertex', shape: selection.shape, index: selection.vertex })
      return
    }
    deleteShape(selection.shape)
  }

  const onSave = async (): Promise<void> => {
    setTriedToSave(true)
    setSaveError(null)
    setCoreIssues([])
    if (localIssues.length > 0) {
      // Show the first problem where it is, and say how many there are.
      const first = localIssues.find((issue) => issue.itemId !== null)
      if (first?.list === 'rules' && first.itemId) dispatch({ type: 'select', selection: { kind: 'rule', id: first.itemId } })
      else if (first?.itemId && first.list) {
        const kind = first.list === 'zones' ? 'zone' : first.list === 'lines' ? 'line' : 'mask'
        dispatch({ type: 'select', selection: { kind: 'shape', shape: { kind, id: first.itemId }, vertex: null } })
      }
      requestAnimationFrame(() => summaryRef.current?.focus())
      return
    }
    const sent = state.draft
    const { scene } = sceneFromDraft(sent)
    setSaving(true)
    try {
      const stored = await save(cameraId, scene)
      const next = draftFromScene(stored, separator)
      setBaseline(next)
      dispatch({ type: 'replaceDraft', draft: next })
      setTriedToSave(false)
      setSaved(true)
    } catch (failure) {
      const shown = toShownError(failure)
      const parsed = shown.code === 'INVALID_INPUT' ? issuesFromCoreMessage(shown.message, sent) : []
      const placed = parsed.filter((issue) => issue.itemId !== null)
      setCoreIssues(placed)
      if (placed.length === 0 || placed.length < parsed.length) setSaveError(shown)
      requestAnimationFrame(() => summaryRef.current?.focus())
    } finally {
      setSaving(false)
    }
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    if (loadState.status !== 'ready' || isFormControl(event.target)) return
    const key = event.key.toLowerCase()
    if ((event.ctrlKey || event.metaKey) && !event.altKey) {
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault()
        if (state.past.length > 0) announce(t('scene.announce.undone'))
        dispatch({ type: 'undo' })
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault()
        if (state.future.length > 0) announce(t('scene.announce.redone'))
        dispatch({ type: 'redo' })
      } else if (key === 's') {
        event.preventDefault()
        if (dirty && !saving) void onSave()
      }
      return
    }
    if (event.altKey || event.shiftKey) return
    const tool = TOOL_KEYS[key]
    if (tool) {
      event.preventDefault()
      dispatch({ type: 'setTool', tool })
    }
  }

  const onEscape = (event: globalThis.KeyboardEvent): void => {
    // Escape undoes the nearest thing first: the drawing in progress, then the drawing tool, then the editor.
    event.preventDefault()
    if (state.drawing.length > 0) {
      dispatch({ type: 'cancelDrawing' })
      announce(t('scene.announce.cancelled'))
    } else if (state.tool !== 'select') dispatch({ type: 'setTool', tool: 'select' })
    else requestClose()
  }

  return (
    <>
      <Dialog.Root
        open
        onOpenChange={(open) => {
          if (!open) requestClose()
        }}
      >
        <Dialog.Portal>
          <div className="modal-backdrop" aria-hidden="true" />
          <Dialog.Content
            className="scene-editor"
            data-testid="scene-editor"
            data-status={loadState.status}
            data-dirty={dirty}
            data-camera-id={camera.id}
            onEscapeKeyDown={onEscape}
            onPointerDownOutside={(event) => event.preventDefault()}
            onKeyDown={onKeyDown}
          >
            <header className="scene-editor__header">
              <div className="scene-editor__heading">
                <Dialog.Title className="scene-editor__title">{t('scene.title', { name: camera.name })}</Dialog.Title>
                <Dialog.Description className="scene-editor__description">{t('scene.description')}</Dialog.Description>
              </div>
              <p className="scene-editor__status" role="status" data-testid="scene-status">
                {dirty ? <span className="badge" data-tone="warn">{t('scene.unsaved')}</span> : saved ? <span className="scene-editor__saved">{t('scene.saved')}</span> : null}
              </p>
              <div className="scene-editor__actions">
                <button type="button" className="button button--ghost" onClick={requestClose} data-testid="scene-close">
                  {t('scene.close')}
                </button>
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => void onSave()}
                  disabled={!dirty || saving}
                  aria-keyshortcuts="Control+S"
                  data-testid="scene-save"
                >
                  {saving ? t('scene.saving') : t('scene.save')}
                </button>
              </div>
            </header>
            <div ref={summaryRef} tabIndex={-1} className="scene-editor__summary">
              {saveError ? <ErrorNote message={t('scene.saveFailed', { message: saveError.message })} code={saveError.code} testId="scene-save-error" /> : null}
              {triedToSave && issues.length > 0 ? (
                <div className="note note--warn" data-testid="scene-issues">
                  <p>{t('scene.issuesCount', { count: issues.length })}</p>
                  {sceneIssues.length > 0 ? <IssueList messages={sceneIssues.map((issue) => issue.message)} /> : null}
                </div>
              ) : null}
            </div>
            {loadState.status === 'loading' ? <p className="scene-editor__loading">{t('scene.loading')}</p> : null}
            {loadState.status === 'error' ? (
              <div className="scene-editor__loading">
                <ErrorNote message={t('scene.loadFailed', { message: loadState.error.message })} code={loadState.error.code} testId="scene-load-error" />
                <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
                  {t('scene.retry')}
                </button>
              </div>
            ) : null}
            {loadState.status === 'ready' ? (
              <div className="scene-editor__body">
                <div className="scene-editor__main">
                  <SceneToolbar state={state} dispatch={dispatch} />
                  <SceneStage
                    camera={camera}
                    state={state}
                    dispatch={dispatch}
                    flagged={flagged}
                    defaultName={defaultName}
                    announce={announce}
                    onDeleteSelection={deleteSelection}
                  />
                </div>
                <ScenePanel
                  camera={camera}
                  state={state}
                  dispatch={dispatch}
                  issues={issues}
                  separator={separator}
                  announce={announce}
                  onDeleteShape={deleteShape}
                />
              </div>
            ) : null}
            <p className="visually-hidden" aria-live="polite" data-testid="scene-announcement">
              {announcement}
            </p>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      {confirmingClose ? (
        <Modal
          open
          onOpenChange={(open) => {
            if (!open) setConfirmingClose(false)
          }}
          title={t('scene.discard.title')}
          description={t('scene.discard.body')}
          testId="scene-discard-dialog"
        >
          <div className="form__actions">
            <span className="form__spacer" />
            <button type="button" className="button button--ghost" onClick={() => setConfirmingClose(false)} autoFocus data-testid="scene-discard-keep">
              {t('scene.discard.keep')}
            </button>
            <button type="button" className="button button--danger" onClick={onClose} data-testid="scene-discard-confirm">
              {t('scene.discard.confirm')}
            </button>
          </div>
        </Modal>
      ) : null}
    </>
  )
}
