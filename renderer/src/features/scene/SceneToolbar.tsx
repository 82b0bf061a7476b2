import type { Dispatch } from 'react'
import { useTranslation } from 'react-i18next'
import type { EditorAction, EditorState, Tool } from './editor-state'

const TOOLS: readonly Tool[] = ['select', 'zone', 'line', 'mask']
const SHORTCUTS: Record<Tool, string> = { select: 'V', zone: 'Z', line: 'L', mask: 'M' }

export interface SceneToolbarProps {
  state: EditorState
  dispatch: Dispatch<EditorAction>
}

/** Drawing tools, undo and redo, and one line saying how the current tool works. */
export function SceneToolbar({ state, dispatch }: SceneToolbarProps) {
  const { t } = useTranslation()
  return (
    <div className="scene-toolbar">
      <div className="segmented" role="group" aria-label={t('scene.tools.label')}>
        {TOOLS.map((tool) => (
          <button
            key={tool}
            type="button"
            className="segmented__option"
            aria-pressed={state.tool === tool}
            title={t(`scene.tools.${tool}Title`)}
            aria-keyshortcuts={SHORTCUTS[tool]}
            onClick={() => dispatch({ type: 'setTool', tool })}
            data-testid={`scene-tool-${tool}`}
          >
            <span className="scene-tool-icon" data-tool={tool} aria-hidden="true" />
            {t(`scene.tools.${tool}`)}
          </button>
        ))}
      </div>
      <div className="scene-toolbar__history">
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => dispatch({ type: 'undo' })}
          disabled={state.past.length === 0}
          title={t('scene.undoTitle')}
          aria-keyshortcuts="Control+Z"
          data-testid="scene-undo"
        >
          {t('scene.undo')}
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => dispatch({ type: 'redo' })}
          disabled={state.future.length === 0}
          title={t('scene.redoTitle')}
          aria-keyshortcuts="Control+Shift+Z"
          data-testid="scene-redo"
        >
          {t('scene.redo')}
        </button>
      </div>
      <p className="scene-toolbar__hint" data-testid="scene-hint">
        {t(`scene.hints.${state.tool}`)}
      </p>
    </div>
  )
}
