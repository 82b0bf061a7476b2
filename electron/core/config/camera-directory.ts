import type { CameraConfig, CameraView } from '../../shared/camera'
import type { CameraStore } from './camera-store'
import type { DemoSite } from './demo-site'
import { redactSource } from '../ingest/camera-source'

export type DemoMode = 'auto' | 'force' | 'off'

export interface DirectoryCamera extends CameraConfig {
  demo: boolean
}

/**
 * Which cameras the centre has right now: the configured ones, or the demo site while nothing is
 * configured (or alongside them when the demo is forced).
 */
export class CameraDirectory {
  constructor(
    private readonly store: CameraStore,
    private readonly demoSite: DemoSite,
    private readonly demoMode: DemoMode
  ) {}

  get demoActive(): boolean {
    if (this.demoMode === 'off') return false
    return this.demoMode === 'force' || this.store.list().length === 0
  }

  get missingDemoAssets(): string[] {
    return this.demoActive ? this.demoSite.missing : []
  }

  all(): DirectoryCamera[] {
    const configured = this.store.list().map((camera) => ({ ...camera, demo: false }))
    const demo = this.demoActive ? this.demoSite.cameras.map((camera) => ({ ...camera, demo: true })) : []
    return [...demo, ...configured]
  }

  find(id: string): DirectoryCamera | undefined {
    return this.all().find((camera) => camera.id === id)
  }

  isDemo(id: string): boolean {
    return this.demoSite.cameras.some((camera) => camera.id === id)
  }

  views(): CameraView[] {
    return this.all().map(toView)
  }
}

export function toView(camera: DirectoryCamera): CameraView {
  return {
    id: camera.id,
    name: camera.name,
    source: camera.demo ? `démo : ${camera.source.split('/').pop() ?? ''}` : redactSource(camera.source),
    rtspTransport: camera.rtspTransport,
    transcode: camera.transcode,
    group: camera.group,
    enabled: camera.enabled,
    analytics: camera.analytics,
    demo: camera.demo
  }
}
