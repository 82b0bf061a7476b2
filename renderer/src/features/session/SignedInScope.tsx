import { useEffect, useState } from 'react'
import type { Session } from '../../../../electron/shared/accounts'
import { canCall } from '../../api/access'
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
  const canListLifts = canCall(session.permissions, 'masks.lifts')
  const hearsAlarms = session.permissions.includes('recording.hold')
  const reviewsAlerts = session.permissions.includes('alert.review')

  // Stopped while locked (the core refuses every call then), started again on unlock to catch up.
  useEffect(() => {
    if (locked) return
    return startAppStores(stores, { cameras: canViewCameras, lifts: canListLifts, alarms: hearsAlarms, alerts: reviewsAlerts })
  }, [stores, locked, canViewCameras, canListLifts, hearsAlarms, reviewsAlerts])

  useActivityReports(reportActivity, !locked)

  return <StoresProvider stores={stores}>{locked ? <LockScreen user={session.user} /> : <App session={session} />}</StoresProvider>
}
