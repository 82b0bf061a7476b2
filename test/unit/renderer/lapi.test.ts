import { describe, expect, it } from 'vitest'
import { permissionsOf } from '../../../electron/shared/accounts'
import type { MethodOutput } from '../../../electron/shared/contract'
import { RpcError } from '../../../electron/shared/result'
import { alertIdFrom, tabFrom } from '../../../renderer/src/features/alerts/alerts-tabs'
import {
  HOTLIST_NAME,
  HOTLIST_REASON,
  HOTLIST_TEXT_MAX,
  importProblem,
  looksLikePlate,
  platesFromFile,
  splitEntries,
  toImportInput,
  WITHDRAW_REASON
} from '../../../renderer/src/features/lapi/hotlist-form'
import { allowedLapiTabs, lapiTabFrom } from '../../../renderer/src/features/lapi/lapi-tabs'
import { expiresSoon, stillKept, timeLeft } from '../../../renderer/src/features/lapi/retention'
import { allowedRoutes } from '../../../renderer/src/features/shell/use-hash-route'
import { createLapiStore, type HotlistInfo, type PlateHit } from '../../../renderer/src/stores/lapi-store'
import { fakeClient, sampleAlert, T0 } from './support'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

function hotlist(id: number, patch: Partial<HotlistInfo> = {}): HotlistInfo {
  return {
    id,
    name: `Liste ${id}`,
    moduleId: 'lapi-stationnement',
    reason: 'Export des paiements du jour',
    importedBy: 'alice',
    importedAt: T0 + id * 1000,
    entries: 3,
    withdrawnAt: null,
    ...patch
  }
}

function hit(id: number, patch: Partial<PlateHit> = {}): PlateHit {
  return {
    id,
    cameraId: 'demo-parvis',
    moduleId: 'lapi-stationnement',
    at: T0 + id * 1000,
    plate: 'AB123CD',
    format: 'SIV',
    confidence: 0.93,
    hotlistId: 1,
    hotlistName: 'Paiements',
    expiresAt: T0 + 30 * DAY,
    eventId: 40 + id,
    ...patch
  }
}

describe('plates from a list file', () => {
  it('takes a plain list as it is, one plate per line, whatever the line endings and the BOM', () => {
    const plates = platesFromFile('\uFEFFAB-123-CD\r\nef 456 gh\r\n\r\n  12 ABC 75  \n')
    expect(plates).toEqual({ text: 'AB-123-CD\nef 456 gh\n12 ABC 75', count: 3, column: null, skipped: 0 })
  })

  it('splits a list written on one line with commas or semicolons', () => {
    expect(platesFromFile('AB-123-CD, EF-456-GH;GH-789-JK').text).toBe('AB-123-CD\nEF-456-GH\nGH-789-JK')
  })

  it('keeps only the column a CSV header names as the plates, quotes removed', () => {
    const csv = ['date;"Immatriculation";montant', '2026-03-14;"AB-123-CD";2,50', '2026-03-14;EF-456-GH;1,00', '2026-03-15;;0'].join('\n')
    const plates = platesFromFile(csv)
    expect(plates.text).toBe('AB-123-CD\nEF-456-GH')
    expect(plates.count).toBe(2)
    expect(plates.column).toBe('Immatriculation')
    expect(plates.skipped).toBe(1)
  })

  it('recognises the header in English and with accents or a number sign', () => {
    expect(platesFromFile('Plate,Paid until\nAB-123-CD,2026-03-14').column).toBe('Plate')
    expect(platesFromFile("N° d'immatriculation\tRésident\nAB-123-CD\toui").column).toBe("N° d'immatriculation")
  })

  it('without a header naming them, keeps the columns that look like plates and drops a header row', () => {
    const csv = ['début,fin,véhicule', '2026-03-01,2026-03-31,AB-123-CD', '2026-03-01,2026-04-30,EF-456-GH'].join('\n')
    expect(platesFromFile(csv)).toEqual({ text: 'AB-123-CD\nEF-456-GH', count: 2, column: null, skipped: 1 })
  })

  it('reads a grid of plates (several per line) as a list, not as a table', () => {
    expect(platesFromFile('AB-123-CD;EF-456-GH\nGH-789-JK;KL-012-MN').text).toBe('AB-123-CD\nEF-456-GH\nGH-789-JK\nKL-012-MN')
  })

  it('sends every cell when nothing looks like a plate, so that the core says what it refused', () => {
    expect(platesFromFile('a;b\nc;d').text).toBe('a\nb\nc\nd')
  })

  it('tells a plate-like cell from a date, an amount or a name', () => {
    expect(looksLikePlate('AB-123-CD')).toBe(true)
    expect(looksLikePlate('123 ABC 75')).toBe(true)
    expect(looksLikePlate('2026-03-14')).toBe(false)
    expect(looksLikePlate('2,50')).toBe(false)
    expect(looksLikePlate('Dupont')).toBe(false)
  })
})

describe('the import form', () => {
  const valid = { name: 'Paiements du 14 mars', moduleId: 'lapi-stationnement' as const, reason: 'Export quotidien des paiements', text: 'AB-123-CD' }

  it('reads its bounds from the contract', () => {
    expect(HOTLIST_NAME).toEqual({ min: 2, max: 80 })
    expect(HOTLIST_REASON).toEqual({ min: 10, max: 2000 })
    expect(WITHDRAW_REASON).toEqual({ min: 10, max: 2000 })
    expect(HOTLIST_TEXT_MAX).toBe(2_000_000)
  })

  it('counts the entries as the core splits them', () => {
    expect(splitEntries('AB-123-CD\n\n EF-456-GH ;; GH-789-JK,\r\n')).toEqual(['AB-123-CD', 'EF-456-GH', 'GH-789-JK'])
    expect(splitEntries(' \n ; , ')).toEqual([])
  })

  it('says what is missing, in the order the form is filled', () => {
    expect(importProblem(valid)).toBeNull()
    expect(importProblem({ ...valid, name: ' x ' })).toBe('nameLength')
    expect(importProblem({ ...valid, reason: 'trop court' + ' '.repeat(5) })).toBeNull()
    expect(importProblem({ ...valid, reason: '  court   ' })).toBe('reasonLength')
    expect(importProblem({ ...valid, text: ' ;\n, ' })).toBe('textEmpty')
    expect(importProblem({ ...valid, text: 'A'.repeat(HOTLIST_TEXT_MAX + 1) })).toBe('textTooLong')
  })

  it('sends the name and reason trimmed, the text as typed', () => {
    expect(toImportInput({ ...valid, name: '  Abonnés  ', reason: ' Liste des abonnés résidents ', text: ' AB-123-CD\n' })).toEqual({
      name: 'Abonnés',
      moduleId: 'lapi-stationnement',
      reason: 'Liste des abonnés résidents',
      text: ' AB-123-CD\n'
    })
  })
})

describe('retention of the read log', () => {
  it('says the time left in the largest whole unit, never more than is left', () => {
    expect(timeLeft(T0 + 29 * DAY + 23 * HOUR, T0)).toEqual({ unit: 'days', count: 29 })
    expect(timeLeft(T0 + DAY, T0)).toEqual({ unit: 'days', count: 1 })
    expect(timeLeft(T0 + DAY - 1, T0)).toEqual({ unit: 'hours', count: 23 })
    expect(timeLeft(T0 + 59 * MINUTE + 30_000, T0)).toEqual({ unit: 'minutes', count: 60 })
    expect(timeLeft(T0 + 1000, T0)).toEqual({ unit: 'minutes', count: 1 })
    expect(timeLeft(T0, T0)).toBeNull()
    expect(timeLeft(T0 - 1, T0)).toBeNull()
  })

  it('marks the last day and hides what has expired before the core purges it', () => {
    expect(expiresSoon(T0 + 23 * HOUR, T0)).toBe(true)
    expect(expiresSoon(T0 + 2 * DAY, T0)).toBe(false)
    const hits = [hit(1, { expiresAt: T0 - 1 }), hit(2, { expiresAt: T0 }), hit(3, { expiresAt: T0 + 1 })]
    expect(stillKept(hits, T0).map((h) => h.id)).toEqual([3])
  })
})

describe('who sees « LAPI », and its tabs', () => {
  it('is in the navigation of a supervisor, not of an operator, a DPO or an admin', () => {
    expect(allowedRoutes(permissionsOf(['supervisor']))).toContain('lapi')
    for (const role of ['operator', 'dpo', 'admin'] as const) expect(allowedRoutes(permissionsOf([role]))).not.toContain('lapi')
  })

  it('opens the tabs the permissions allow, the lists first', () => {
    expect(allowedLapiTabs(true, true)).toEqual(['lists', 'reads'])
    expect(allowedLapiTabs(false, true)).toEqual(['reads'])
    expect(lapiTabFrom(null, true, true)).toBe('lists')
    expect(lapiTabFrom('reads', true, true)).toBe('reads')
    expect(lapiTabFrom('lists', false, true)).toBe('reads')
    expect(lapiTabFrom('nonsense', true, false)).toBe('lists')
  })

  it('links a hit to its alert as #/alerts/<id>, which the alerts screen opens on its queue', () => {
    expect(alertIdFrom('42')).toBe(42)
    expect(alertIdFrom('history')).toBeNull()
    expect(alertIdFrom('0')).toBeNull()
    expect(alertIdFrom('-3')).toBeNull()
    expect(alertIdFrom('4.2')).toBeNull()
    expect(alertIdFrom(null)).toBeNull()
    expect(tabFrom('42', true, true)).toBe('queue')
  })
})

describe('LAPI store', () => {
  it('loads the lists newest first, and keeps an import and a withdrawal as the core answers them', async () => {
    let lists = [hotlist(1), hotlist(2, { moduleId: 'lapi-securite' })]
    const { client, calls } = fakeClient({
      'lapi.hotlists': () => lists,
      'lapi.importHotlist': (input) => {
        const created = hotlist(3, { name: input.name, moduleId: input.moduleId, reason: input.reason, entries: 2 })
        lists = [created, ...lists]
        return { hotlist: created, rejected: ['x'] }
      },
      'lapi.withdrawHotlist': ({ hotlistId }) => {
        lists = lists.map((list) => (list.id === hotlistId ? { ...list, withdrawnAt: T0 + 99_000 } : list))
        return lists
      }
    })
    const store = createLapiStore(client)
    await store.getState().loadHotlists()
    expect(store.getState().hotlistsStatus).toBe('ready')
    expect(store.getState().hotlists.map((list) => list.id)).toEqual([2, 1])

    const result = await store.getState().importHotlist({ name: 'Abonnés', moduleId: 'lapi-stationnement', reason: 'Liste des abonnés', text: 'AB-123-CD\nEF-456-GH\nx' })
    expect(result.rejected).toEqual(['x'])
    expect(store.getState().hotlists.map((list) => list.id)).toEqual([3, 2, 1])

    await store.getState().withdrawHotlist(3, 'Liste remplacée par la suivante')
    expect(calls.at(-1)).toEqual({ method: 'lapi.withdrawHotlist', input: { hotlistId: 3, reason: 'Liste remplacée par la suivante' } })
    expect(store.getState().hotlists.find((list) => list.id === 3)?.withdrawnAt).toBe(T0 + 99_000)
  })

  it('rejects with the core’s refusal and leaves the lists as they were', async () => {
    const { client } = fakeClient({
      'lapi.hotlists': () => [hotlist(1)],
      'lapi.importHotlist': () => {
        throw new RpcError('FORBIDDEN', 'LAPI – sécurité publique : interdit pour une commune')
      }
    })
    const store = createLapiStore(client)
    await store.getState().loadHotlists()
    await expect(store.getState().importHotlist({ name: 'Fichier', moduleId: 'lapi-securite', reason: 'Diffusion de la préfecture', text: 'AB-123-CD' })).rejects.toMatchObject({
      code: 'FORBIDDEN'
    })
    expect(store.getState().hotlists.map((list) => list.id)).toEqual([1])
  })

  it('loads the read log with its count of unmatched reads, and shows a failure', async () => {
    let fail = false
    const { client } = fakeClient({
      'lapi.reads': () => {
        if (fail) throw new RpcError('FORBIDDEN', 'Accès refusé')
        return { hits: [hit(2), hit(1)], unmatchedKept: 7 } satisfies MethodOutput<'lapi.reads'>
      }
    })
    const store = createLapiStore(client, () => T0 + 5_000)
    await store.getState().loadReads()
    expect(store.getState()).toMatchObject({ readsStatus: 'ready', unmatchedKept: 7, readsAt: T0 + 5_000 })
    expect(store.getState().hits.map((h) => h.id)).toEqual([2, 1])
    fail = true
    await store.getState().loadReads()
    expect(store.getState().readsStatus).toBe('error')
    expect(store.getState().readsError).toEqual({ code: 'FORBIDDEN', message: 'Accès refusé' })
  })

  it('asks for the read log again when a LAPI alert changes, once per burst, and stops when told', async () => {
    let answered = 0
    let release: () => void = () => undefined
    const { client, calls, emit } = fakeClient({
      'lapi.reads': async () => {
        await new Promise<void>((resolve) => {
          release = resolve
        })
        answered += 1
        return { hits: [], unmatchedKept: answered }
      }
    })
    const store = createLapiStore(client)
    const stop = store.getState().listen()
    const readsCalls = (): number => calls.filter((call) => call.method === 'lapi.reads').length

    emit('alerts.onDidChange', sampleAlert(1))
    expect(readsCalls()).toBe(0)

    emit('alerts.onDidChange', sampleAlert(2, { moduleId: 'lapi-stationnement', kind: 'parking-unpaid' }))
    expect(readsCalls()).toBe(1)
    // Three more while the first answer travels: one more request, not three.
    for (const id of [3, 4, 5]) emit('alerts.onDidChange', sampleAlert(id, { moduleId: 'lapi-securite', kind: 'plate-hit' }))
    expect(readsCalls()).toBe(1)
    release()
    await expect.poll(readsCalls).toBe(2)
    release()
    await expect.poll(() => store.getState().unmatchedKept).toBe(2)
    expect(readsCalls()).toBe(2)

    stop()
    emit('alerts.onDidChange', sampleAlert(6, { moduleId: 'lapi-securite', kind: 'plate-hit' }))
    expect(readsCalls()).toBe(2)
  })
})
