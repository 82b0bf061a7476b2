import { useEffect, useState } from 'react'
import type { Session } from '../../../../electron/shared/accounts'
import { useApi } from '../../api/api-context'
import { App } from '../../App'
import { createAppStores, startAppStores } from '../../stores/app-stores'
import { useSession } from '../../stores/session-context'
import { StoresProvider } from '../../stores/stores-context'
import { LockScreen } from './LockScreen'
import { useActivityReports } from './use-activity-reports'

export interface SignedInScopeProps {
  session: Session
  locked: boolean
}

/**
 * Everything that exists only while someone is signed in: the stores of this session, the activity
 * reports, and either the console or, while locked, the lock screen in its place.
 */
export function SignedInScope({ session, locked }: SignedInScopeProps) {
  const client = useApi()
  const reportActivity = useSession((state) => state.reportActivity)
  const [stores] = useState(() => createAppStores(client))
  const canViewCameras = session.permissions.includes('camera.view')

  // Stopped while locked (the core refuses every call then), started again on unlock to catch up.
  useEffect(() => {
    if (locked) return
    return startAppStores(stores, { cameras: canViewCameras })
  }, [stores, locked, canViewCameras])

  useActivityReports(reportActivity, !locked)

  return <StoresProvider stores={stores}>{locked ? <LockScreen user={session.user} /> : <App session={session} />}</StoresProvider>
}
