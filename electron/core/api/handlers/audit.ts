import { auditToCsv, auditToPdf } from '../../audit'
import { actorOf } from '../context'
import type { HandlerDeps, HandlerGroup } from './deps'

/** An export travels as one RPC answer: past this many entries, narrow the filter or use the command line. */
export const MAX_EXPORTED_ENTRIES = 20_000

function stamp(at: number): string {
  return new Date(at).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')
}

export function auditHandlers(deps: HandlerDeps): HandlerGroup<'audit.query' | 'audit.verify' | 'audit.export'> {
  const { audit } = deps
  return {
    'audit.query': (query) => audit.query(query),
    'audit.verify': () => audit.verify(),
    'audit.export': async ({ query, format }, ctx) => {
      const verification = await audit.verify()
      const { entries, truncated } = await audit.collect(query, MAX_EXPORTED_ENTRIES)
      const file =
        format === 'csv'
          ? auditToCsv(entries, verification)
          : await auditToPdf(entries, verification, {
              organisationName: deps.organisation.current()?.name ?? 'Vigie',
              generatedBy: actorOf(ctx),
              filters: query
            })
      await deps.record(ctx, 'audit.export', { details: { format, filters: query, entries: entries.length, truncated } })
      return {
        fileName: `journal-audit-${stamp(deps.now())}.${format}`,
        mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/pdf',
        base64: file.toString('base64'),
        entries: entries.length,
        verification
      }
    }
  }
}
