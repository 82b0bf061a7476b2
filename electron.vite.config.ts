import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const root = __dirname

/**
 * One build for the three Electron targets. The "main" target also emits the two core hosts:
 * the utility-process host (desktop) and the headless host (browser mode), so both ship the same core,
 * and the worker threads they start.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // electron-vite externalises `dependencies` only; ffmpeg-static is optional and must stay external
      // so that its binary path (relative to its own folder) survives bundling.
      externalizeDeps: { include: ['ffmpeg-static'] },
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'core-host': resolve(root, 'electron/hosts/utility.ts'),
          headless: resolve(root, 'electron/hosts/headless.ts'),
          // Worker threads are loaded by path from the hosts' folder, so each is an entry of its own
          // (names as in electron/core/workers/launch-worker.ts).
          'detector-worker': resolve(root, 'electron/core/analytics/detection/detector-worker.ts'),
          'snapshot-encoder-worker': resolve(root, 'electron/core/analytics/frame/snapshot-encoder-worker.ts'),
          'plate-reader-worker': resolve(root, 'electron/core/lapi/plate-reader-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } }
    }
  }
})
