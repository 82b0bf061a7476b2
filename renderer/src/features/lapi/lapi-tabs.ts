export type LapiTab = 'lists' | 'reads'

/** The tabs of « LAPI » this person may open: the lists (lapi.manage), the read log (lapi.reads). */
export function allowedLapiTabs(mayManage: boolean, mayRead: boolean): LapiTab[] {
  return [...(mayManage ? (['lists'] as const) : []), ...(mayRead ? (['reads'] as const) : [])]
}

/** The tab the address names (#/lapi/reads), or the first this person may open. */
export function lapiTabFrom(detail: string | null, mayManage: boolean, mayRead: boolean): LapiTab {
  const allowed = allowedLapiTabs(mayManage, mayRead)
  return allowed.find((tab) => tab === detail) ?? allowed[0] ?? 'lists'
}
