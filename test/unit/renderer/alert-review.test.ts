import { describe, expect, it } from 'vitest'
import type { Alert } from '../../../electron/shared/alerts'
import { EMPTY_SCENE, type Scene } from '../../../electron/shared/scene'
import { allowedTabs, periodStart, tabFrom } from '../../../renderer/src/features/alerts/alerts-tabs'
import { BURST_GAP_MS, burstOf, burstSpanMs, MAX_BURST } from '../../../renderer/src/features/alerts/bursts'
import { CUE_STORAGE_KEY, DEFAULT_CUES, parseCuePreferences } from '../../../renderer/src/features/alerts/cue-preferences'
import { fromDateTimeInput, toDateTimeInput } from '../../../renderer/src/features/alerts/datetime-local'
import { decisionFormProblem } from '../../../renderer/src/features/alerts/decision-form'
import { relatedAlerts, RELATED_WINDOW_MS } from '../../../renderer/src/features/alerts/related'
import { REVIEW_SHORTCUTS, reviewActionFor, type KeyInput } from '../../../renderer/src/features/alerts/review-keys'
import { ruleGeometry } from '../../../renderer/src/features/alerts/rule-geometry'
import { ageParts } from '../../../renderer/src/features/alerts/use-alert-text'
import { needsMore, scrollToReveal, virtualWindow } from '../../../renderer/src/features/alerts/virtual-window'
import { applyToQueue, compareQueue, decidableBy, followSelection, mergeQueue, sortQueue, stepSelection } from '../../../renderer/src/stores/alert-order'
import { matchesAlertFilters, NO_ALERT_FILTERS, sameFilters, toAlertQuery } from '../../../renderer/src/stores/alert-query'
import { sampleAlert as alert, T0 } from './support'

const MINUTE = 60_000

const ids = (alerts: readonly Alert[]): number[] => alerts.map((a) => a.id)

describe('review queue order', () => {
  it('puts the highest priority first, then the oldest within a priority', () => {
    const queue = sortQueue([
      alert(1, { priority: 'low', at: T0 }),
      alert(2, { priority: 'normal', at: T0 + 5 * MINUTE }),
      alert(3, { priority: 'high', at: T0 + 9 * MINUTE }),
      alert(4, { priority: 'normal', at: T0 + MINUTE }),
      alert(5, { priority: 'high', at: T0 + 2 * MINUTE })
    ])
    expect(ids(queue)).toEqual([5, 3, 4, 2, 1])
  })

  it('breaks a tie in time by id, so the order never flickers', () => {
    expect(compareQueue(alert(7, { at: T0 }), alert(8, { at: T0 }))).toBeLessThan(0)
    expect(compareQueue(alert(8, { at: T0 }), alert(7, { at: T0 }))).toBeGreaterThan(0)
  })

  it('inserts an arrival at its place and drops an alert once decided', () => {
    let queue = sortQueue([alert(1, { priority: 'high' }), alert(2), alert(3, { priority: 'low' })])
    queue = applyToQueue(queue, alert(4, { priority: 'normal' }))
    expect(ids(queue)).toEqual([1, 2, 4, 3])
    queue = applyToQueue(queue, alert(2, { state: 'in_review', owner: 'olga' }))
    expect(queue.find((a) => a.id === 2)?.owner).toBe('olga')
    expect(ids(queue)).toEqual([1, 2, 4, 3])
    queue = applyToQueue(queue, alert(2, { state: 'false_alarm', decidedBy: 'olga' }))
    expect(ids(queue)).toEqual([1, 4, 3])
    // A decided alert never known to the queue changes nothing (and keeps the same array).
    expect(applyToQueue(queue, alert(99, { state: 'confirmed' }))).toBe(queue)
  })

  it('keeps escalated alerts in the queue: they are still open', () => {
    const queue = applyToQueue([], alert(1, { state: 'escalated', escalatedBy: 'system' }))
    expect(ids(queue)).toEqual([1])
  })

  it('merges a page with live changes, each alert once, open ones only', () => {
    const merged = mergeQueue([alert(1), alert(2)], [alert(2, { state: 'confirmed' }), alert(3, { priority: 'high' })])
    expect(ids(merged)).toEqual([3, 1])
  })

  it('moves the selection to the alert that takes the place of the one decided', () => {
    const before = [alert(1), alert(2), alert(3)]
    expect(followSelection(before, [alert(1), alert(3)], 2)).toBe(3)
    // The last one decided: the previous becomes the selection.
    expect(followSelection(before, [alert(1), alert(2)], 3)).toBe(2)
    // Still there: stays selected even if others moved around it.
    expect(followSelection(before, [alert(0), alert(1), alert(2), alert(3)], 2)).toBe(2)
    expect(followSelection(before, [], 2)).toBeNull()
    expect(followSelection([], [alert(5)], null)).toBe(5)
  })

  it('steps through the queue and stops at the ends', () => {
    const queue = [alert(1), alert(2), alert(3)]
    expect(stepSelection(queue, 1, 1)).toBe(2)
    expect(stepSelection(queue, 3, 1)).toBe(3)
    expect(stepSelection(queue, 1, -1)).toBe(1)
    expect(stepSelection(queue, null, 1)).toBe(1)
    expect(stepSelection(queue, null, -1)).toBe(3)
    expect(stepSelection([], 1, 1)).toBeNull()
  })

  it('lets anyone decide an open alert unless someone else has it in review', () => {
    expect(decidableBy(alert(1), 'olga')).toBe(true)
    expect(decidableBy(alert(1, { state: 'in_review', owner: 'olga' }), 'olga')).toBe(true)
    expect(decidableBy(alert(1, { state: 'in_review', owner: 'marc' }), 'olga')).toBe(false)
    expect(decidableBy(alert(1, { state: 'escalated' }), 'olga')).toBe(true)
    expect(decidableBy(alert(1, { state: 'confirmed' }), 'olga')).toBe(false)
  })
})

describe('bursts', () => {
  const at = (minutes: number) => T0 + minutes * MINUTE

  it('chains the alerts of one rule on one camera that follow each other within a few minutes', () => {
    const open = [
      alert(1, { at: at(0) }),
      alert(2, { at: at(2) }),
      alert(3, { at: at(4) }),
      alert(4, { at: at(6.5) }),
      // Past the gap: another burst.
      alert(5, { at: at(20) }),
      // Same time, other rule or other camera: not this burst.
      alert(6, { at: at(3), ruleId: 'loitering-sol' }),
      alert(7, { at: at(3), cameraId: 'demo-parvis' })
    ]
    expect(ids(burstOf(open[1], open))).toEqual([1, 2, 3, 4])
    expect(ids(burstOf(open[4], open))).toEqual([5])
    expect(BURST_GAP_MS).toBe(3 * MINUTE)
  })

  it('leaves out what may not be decided together, but always keeps the anchor', () => {
    const open = [alert(1, { at: at(0) }), alert(2, { at: at(1), state: 'in_review', owner: 'marc' }), alert(3, { at: at(2) })]
    const eligible = (a: Alert) => decidableBy(a, 'olga')
    expect(ids(burstOf(open[0], open, { eligible }))).toEqual([1, 3])
    expect(ids(burstOf(open[1], open, { eligible }))).toEqual([1, 2, 3])
  })

  it('caps a burst at what one decision may carry, nearest to the anchor first', () => {
    const open = Array.from({ length: 10 }, (_, i) => alert(i + 1, { at: at(i) }))
    expect(ids(burstOf(open[5], open, { max: 3 }))).toEqual([5, 6, 7])
    const many = Array.from({ length: MAX_BURST + 20 }, (_, i) => alert(i + 1, { at: at(i * 0.1) }))
    expect(burstOf(many[0], many)).toHaveLength(MAX_BURST)
  })

  it('still centres on an anchor that already left the queue', () => {
    const open = [alert(1, { at: at(0) }), alert(3, { at: at(2) })]
    expect(ids(burstOf(alert(2, { at: at(1) }), open))).toEqual([1, 2, 3])
  })

  it('measures the time a burst spans', () => {
    expect(burstSpanMs([alert(1, { at: at(0) }), alert(2, { at: at(4) })])).toBe(4 * MINUTE)
    expect(burstSpanMs([alert(1)])).toBe(0)
  })
})

describe('review keyboard map', () => {
  const press = (key: string, patch: Partial<KeyInput> = {}) => reviewActionFor({ key, target: 'other', ...patch })

  it('maps the keys of the review', () => {
    expect(press('j')).toBe('next')
    expect(press('J')).toBe('next')
    expect(press('ArrowDown')).toBe('next')
    expect(press('k')).toBe('previous')
    expect(press('ArrowUp')).toBe('previous')
    expect(press('Enter')).toBe('claim')
    expect(press('c')).toBe('confirm')
    expect(press('f')).toBe('falseAlarm')
    expect(press('e')).toBe('escalate')
    expect(press(' ')).toBe('togglePlay')
    expect(press('b')).toBe('burst')
    expect(press('?')).toBe('help')
    expect(press('Escape')).toBe('clear')
    expect(press('x')).toBeNull()
  })

  it('stays out of fields being typed in and of browser shortcuts', () => {
    expect(press('f', { target: 'text' })).toBeNull()
    expect(press('Enter', { target: 'text' })).toBeNull()
    expect(press('c', { ctrlKey: true })).toBeNull()
    expect(press('c', { metaKey: true })).toBeNull()
    expect(press('ArrowDown', { altKey: true })).toBeNull()
  })

  it('leaves Enter, Space and arrows to a focused button, but not the letters', () => {
    expect(press('Enter', { target: 'control' })).toBeNull()
    expect(press(' ', { target: 'control' })).toBeNull()
    expect(press('ArrowDown', { target: 'control' })).toBeNull()
    expect(press('c', { target: 'control' })).toBe('confirm')
  })

  it('lists every action once, with the keys shown on screen', () => {
    const actions = REVIEW_SHORTCUTS.map((shortcut) => shortcut.action)
    expect(new Set(actions).size).toBe(actions.length)
    for (const { action, keys } of REVIEW_SHORTCUTS) {
      for (const key of keys) {
        const typed = key === 'enter' ? 'Enter' : key === 'space' ? ' ' : key === 'escape' ? 'Escape' : key === '↓' ? 'ArrowDown' : key === '↑' ? 'ArrowUp' : key
        expect(press(typed)).toBe(action)
      }
    }
  })
})

describe('virtual window', () => {
  it('renders the rows in view and a few around them', () => {
    expect(virtualWindow({ scrollTop: 0, viewportHeight: 440, rowHeight: 44, count: 100_000, overscan: 5 })).toEqual({
      start: 0,
      end: 15,
      offset: 0,
      totalHeight: 4_400_000
    })
    expect(virtualWindow({ scrollTop: 44 * 5000 + 20, viewportHeight: 440, rowHeight: 44, count: 100_000, overscan: 5 })).toEqual({
      start: 4995,
      end: 5016,
      offset: 4995 * 44,
      totalHeight: 4_400_000
    })
  })

  it('never goes past either end', () => {
    const end = virtualWindow({ scrollTop: 1e9, viewportHeight: 440, rowHeight: 44, count: 50, overscan: 5 })
    expect(end.end).toBe(50)
    expect(end.start).toBe(35)
    const negative = virtualWindow({ scrollTop: -100, viewportHeight: 440, rowHeight: 44, count: 50, overscan: 5 })
    expect(negative.start).toBe(0)
    expect(virtualWindow({ scrollTop: 0, viewportHeight: 440, rowHeight: 44, count: 0 })).toEqual({ start: 0, end: 0, offset: 0, totalHeight: 0 })
  })

  it('renders at least one row before the viewport is measured', () => {
    const range = virtualWindow({ scrollTop: 0, viewportHeight: 0, rowHeight: 44, count: 10, overscan: 0 })
    expect(range.end - range.start).toBe(1)
  })

  it('renders the same number of rows wherever the list is scrolled', () => {
    const sizes = [0, 1000, 123_456, 2_000_000].map((scrollTop) => {
      const range = virtualWindow({ scrollTop, viewportHeight: 600, rowHeight: 44, count: 100_000 })
      return range.end - range.start
    })
    expect(new Set(sizes.slice(1)).size).toBe(1)
    expect(Math.max(...sizes)).toBeLessThan(40)
  })

  it('asks for the next page only when near the end, with more to come and nothing on its way', () => {
    expect(needsMore({ end: 160 }, 200, true, false)).toBe(true)
    expect(needsMore({ end: 100 }, 200, true, false)).toBe(false)
    expect(needsMore({ end: 190 }, 200, false, false)).toBe(false)
    expect(needsMore({ end: 190 }, 200, true, true)).toBe(false)
  })

  it('scrolls just enough to reveal a row', () => {
    expect(scrollToReveal(10, 44, 0, 440)).toBe(11 * 44 - 440)
    expect(scrollToReveal(2, 44, 200, 440)).toBe(88)
    expect(scrollToReveal(5, 44, 0, 440)).toBeNull()
  })
})

describe('history filters', () => {
  it('turns the form into a query, the rule only with its camera', () => {
    expect(toAlertQuery(NO_ALERT_FILTERS)).toEqual({})
    expect(toAlertQuery({ ...NO_ALERT_FILTERS, ruleId: 'intrusion-sol' })).toEqual({})
    expect(toAlertQuery({ cameraId: 'demo-entrepot', ruleId: 'intrusion-sol', state: 'open', from: 10, to: 20, operator: ' olga ' })).toEqual({
      cameraId: 'demo-entrepot',
      ruleId: 'intrusion-sol',
      states: ['new', 'in_review', 'escalated'],
      from: 10,
      to: 20,
      operator: 'olga'
    })
    expect(toAlertQuery({ ...NO_ALERT_FILTERS, state: 'false_alarm' })).toEqual({ states: ['false_alarm'] })
  })

  it('lets a live change in only when it matches, as the core would', () => {
    expect(matchesAlertFilters(NO_ALERT_FILTERS, alert(1))).toBe(true)
    expect(matchesAlertFilters({ ...NO_ALERT_FILTERS, state: 'confirmed' }, alert(1))).toBe(false)
    expect(matchesAlertFilters({ ...NO_ALERT_FILTERS, operator: 'olga' }, alert(1, { state: 'false_alarm', decidedBy: 'olga' }))).toBe(true)
    expect(matchesAlertFilters({ ...NO_ALERT_FILTERS, operator: 'olga' }, alert(1, { state: 'in_review', owner: 'olga' }))).toBe(true)
    expect(matchesAlertFilters({ ...NO_ALERT_FILTERS, operator: 'olga' }, alert(1))).toBe(false)
    expect(matchesAlertFilters({ ...NO_ALERT_FILTERS, from: T0 + 5000 }, alert(1))).toBe(false)
    expect(matchesAlertFilters({ ...NO_ALERT_FILTERS, to: T0 + 1000 }, alert(1))).toBe(false)
    expect(matchesAlertFilters({ ...NO_ALERT_FILTERS, cameraId: 'demo-parvis' }, alert(1))).toBe(false)
  })

  it('tells equal filters apart from changed ones', () => {
    expect(sameFilters(NO_ALERT_FILTERS, { ...NO_ALERT_FILTERS })).toBe(true)
    expect(sameFilters(NO_ALERT_FILTERS, { ...NO_ALERT_FILTERS, operator: 'olga' })).toBe(false)
  })

  it('reads and writes the period fields in local time', () => {
    const epoch = new Date(2026, 10, 14, 9, 5).getTime()
    expect(toDateTimeInput(epoch)).toBe('2026-11-14T09:05')
    expect(fromDateTimeInput('2026-11-14T09:05')).toBe(epoch)
    expect(fromDateTimeInput('')).toBeNull()
    expect(fromDateTimeInput('2026-02-31T10:00')).toBeNull()
    expect(toDateTimeInput(null)).toBe('')
  })
})

describe('review details', () => {
  it('finds alerts about the same tracked objects on the same camera, around the same time', () => {
    const anchor = alert(10, { trackIds: [4, 7], at: T0 })
    const candidates = [
      alert(11, { trackIds: [7], at: T0 + MINUTE }),
      alert(12, { trackIds: [8], at: T0 + MINUTE }),
      alert(13, { trackIds: [4], cameraId: 'demo-parvis' }),
      alert(14, { trackIds: [4], at: T0 + RELATED_WINDOW_MS + 1 }),
      alert(15, { trackIds: [4], at: T0 - 2 * MINUTE }),
      alert(11, { trackIds: [7], at: T0 + MINUTE }),
      anchor
    ]
    expect(ids(relatedAlerts(anchor, candidates))).toEqual([11, 15])
    expect(relatedAlerts(alert(1), candidates)).toEqual([])
  })

  it('draws the zone or line of the rule that fired, nothing else', () => {
    const scene: Scene = {
      ...EMPTY_SCENE,
      zones: [
        { id: 'sol', name: 'Sol', polygon: [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }] },
        { id: 'quai', name: 'Quai', polygon: [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 0, y: 1 }] }
      ],
      lines: [{ id: 'seuil', name: 'Seuil', start: { x: 0, y: 0.5 }, end: { x: 1, y: 0.5 } }],
      rules: [
        { id: 'intrusion-sol', name: 'Intrusion', kind: 'intrusion', zoneId: 'sol', enabled: true, priority: 'high', classes: ['person'], minDwellSeconds: 0 },
        {
          id: 'passage',
          name: 'Passage',
          kind: 'line-crossing',
          lineId: 'seuil',
          enabled: true,
          priority: 'normal',
          direction: 'both',
          classes: ['person'],
          hysteresisPx: 8,
          oncePerTrack: false
        }
      ]
    }
    expect(ruleGeometry(scene, 'intrusion-sol').zones.map((zone) => zone.id)).toEqual(['sol'])
    expect(ruleGeometry(scene, 'intrusion-sol').lines).toEqual([])
    expect(ruleGeometry(scene, 'passage').lines.map((line) => line.id)).toEqual(['seuil'])
    expect(ruleGeometry(scene, 'gone')).toEqual({ zones: [], lines: [] })
    expect(ruleGeometry(null, 'intrusion-sol')).toEqual({ zones: [], lines: [] })
  })

  it('wants a reason and a note of three characters before dismissing or escalating', () => {
    expect(decisionFormProblem('', 'vu sur place')).toBe('reason')
    expect(decisionFormProblem('animal', '  a ')).toBe('note')
    expect(decisionFormProblem('animal', 'chat')).toBeNull()
  })

  it('says how long ago in the unit that reads best', () => {
    expect(ageParts(12_400)).toEqual({ unit: 'seconds', value: 12 })
    expect(ageParts(3 * MINUTE + 5000)).toEqual({ unit: 'minutes', value: 3 })
    expect(ageParts(125 * MINUTE)).toEqual({ unit: 'hours', value: 2 })
    expect(ageParts(-5)).toEqual({ unit: 'seconds', value: 0 })
  })

  it('opens the tabs each role may see', () => {
    expect(allowedTabs(true, false)).toEqual(['queue', 'history'])
    expect(allowedTabs(true, true)).toEqual(['queue', 'history', 'quality'])
    expect(allowedTabs(false, true)).toEqual(['quality'])
    expect(tabFrom('history', true, false)).toBe('history')
    expect(tabFrom('quality', true, false)).toBe('queue')
    expect(tabFrom(null, false, true)).toBe('quality')
    expect(periodStart('7', T0)).toBe(T0 - 7 * 24 * 60 * MINUTE)
    expect(periodStart('all', T0)).toBeUndefined()
  })

  it('reads the workstation cues, falling back on sound and notifications on', () => {
    expect(CUE_STORAGE_KEY).toBe('vigie.alerts.cues')
    expect(parseCuePreferences(null)).toEqual(DEFAULT_CUES)
    expect(parseCuePreferences('{oops')).toEqual(DEFAULT_CUES)
    expect(parseCuePreferences('{"sound":false}')).toEqual({ sound: false, notifications: true })
    expect(parseCuePreferences('{"sound":"no","notifications":false}')).toEqual({ sound: true, notifications: false })
  })
})
