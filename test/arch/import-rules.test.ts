import { readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..', '..')

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (/\.(ts|tsx|mts)$/.test(entry) && !entry.endsWith('.d.ts')) out.push(path)
  }
  return out
}

/** Static and dynamic import specifiers of a file (type-only imports included: they shape coupling too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specifiers: string[] = []
  const pattern = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g
  for (const match of text.matchAll(pattern)) specifiers.push(match[1] ?? match[2] ?? match[3])
  return specifiers
}

/** Where a relative import lands, as a repository path like `electron/core/ingest/x`. */
function target(file: string, specifier: string): string {
  return relative(root, resolve(dirname(file), specifier)).split(sep).join('/')
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]))
const packageName = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]

interface Rule {
  area: string
  allowPackages: (name: string) => boolean
  allowNode: boolean
  allowTargets: (path: string, from: string) => boolean
}

const RULES: Rule[] = [
  {
    area: 'electron/shared',
    allowPackages: (name) => name === 'zod',
    allowNode: false,
    allowTargets: (path) => path.startsWith('electron/shared/')
  },
  {
    area: 'electron/core',
    allowPackages: (name) => ['zod', 'onnxruntime-node', 'better-sqlite3', 'pdfkit', 'jpeg-js'].includes(name),
    allowNode: true,
    allowTargets: (path) => path.startsWith('electron/shared/') || path.startsWith('electron/core/')
  },
  {
    area: 'electron/hosts',
    allowPackages: (name) => ['ws', 'zod', 'electron-store'].includes(name),
    allowNode: true,
    allowTargets: (path) => path.startsWith('electron/shared/') || path.startsWith('electron/core/') || path.startsWith('electron/hosts/')
  },
  {
    area: 'electron/main',
    allowPackages: (name) => name === 'electron',
    allowNode: true,
    allowTargets: (path) => path.startsWith('electron/shared/') || path.startsWith('electron/main/')
  },
  {
    area: 'electron/preload',
    allowPackages: (name) => name === 'electron',
    allowNode: false,
    allowTargets: (path) => path.startsWith('electron/shared/')
  },
  {
    area: 'renderer',
    allowPackages: (name) => !['electron', 'electron-store', 'ws', 'onnxruntime-node', 'better-sqlite3', 'ffmpeg-static'].includes(name),
    allowNode: false,
    allowTargets: (path, from) => {
      if (from.startsWith('renderer/src/components/') && /^renderer\/src\/(stores|api)\//.test(path)) return false
      return path.startsWith('renderer/') || path.startsWith('electron/shared/')
    }
  }
]

function violations(rule: Rule): string[] {
  const found: string[] = []
  for (const file of sourceFiles(join(root, rule.area))) {
    const from = relative(root, file).split(sep).join('/')
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) {
        const path = target(file, specifier)
        if (!rule.allowTargets(path, from)) found.push(`${from} → ${path}`)
      } else if (NODE_BUILTINS.has(specifier) || specifier.startsWith('node:')) {
        if (!rule.allowNode) found.push(`${from} → ${specifier} (Node built-in)`)
      } else if (!rule.allowPackages(packageName(specifier))) {
        found.push(`${from} → ${specifier} (package)`)
      }
    }
  }
  return found
}

describe('import rules', () => {
  it.each(RULES.map((rule) => [rule.area, rule] as const))('%s imports only what its layer may', (_area, rule) => {
    expect(sourceFiles(join(root, rule.area)).length).toBeGreaterThan(0)
    expect(violations(rule)).toEqual([])
  })

  it('catches a forbidden import (the checker itself works)', () => {
    const fake: Rule = { ...RULES[0], area: 'electron/core' }
    // The core imports node:* everywhere, which the shared layer's rule forbids.
    expect(violations(fake).some((line) => line.includes('Node built-in'))).toBe(true)
  })
})
