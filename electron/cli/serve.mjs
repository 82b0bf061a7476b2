// npm run serve -- [--port N] [--data DIR] [--demo]
// Builds if needed, then runs the headless host in this process (so signals reach it directly).
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildIfNeeded } from './build-if-needed.mjs'

const appRoot = resolve(import.meta.dirname, '..', '..')
buildIfNeeded(appRoot)
await import(pathToFileURL(join(appRoot, 'out', 'main', 'headless.js')).href)
