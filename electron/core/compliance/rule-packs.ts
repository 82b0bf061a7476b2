import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RulePackInfo } from '../../shared/compliance'
import { RpcError } from '../../shared/result'
import { writeFileAtomic } from '../fs/atomic-file'
import type { SqlExecutor } from '../store/database'
import { formatFrenchDate, type Calendar } from './calendar'
import { parseRulePackBytes, RulePackError, type RulePack } from './rule-pack-schema'

/**
 * Where rule packs come from and which one is in force. The app ships its packs in
 * `<appRoot>/resources/rule-packs`; a DPO or an administrator installs newer ones into
 * `<dataDir>/rule-packs`, where they take over from their effective date without a new release.
 */

export const RULE_PACKS_FOLDER = 'rule-packs'

export type RulePackSource = 'bundled' | 'installed'

export interface AvailableRulePack extends RulePackInfo {
  source: RulePackSource
}

interface LoadedPack {
  pack: RulePack
  source: RulePackSource
}

export interface RulePackFolders {
  bundledDir: string
  installedDir: string
}

export function rulePackFolders(appRoot: string, dataDir: string): RulePackFolders {
  return { bundledDir: join(appRoot, 'resources', RULE_PACKS_FOLDER), installedDir: join(dataDir, RULE_PACKS_FOLDER) }
}

export function infoOf(pack: RulePack): RulePackInfo {
  return { id: pack.id, version: pack.version, effectiveDate: pack.effectiveDate, jurisdiction: pack.jurisdiction, title: pack.title }
}

/** Numeric, part by part: 2026.11.0 < 2026.12.0 < 2027.1.0. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number)
  const right = b.split('.').map(Number)
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}

/** The name an installed pack is stored under: derived from its content, never from what the uploader called it. */
export function installedFileName(pack: Pick<RulePack, 'id' | 'version'>): string {
  return `${pack.id}-${pack.version}.json`
}

/** A plain file name: no folder, no `..`, no control character. The name is refused rather than repaired. */
function checkUploadedName(fileName: string): void {
  const plain = fileName.length > 0 && fileName.length <= 200 && !/[/\\\0-\x1f]/.test(fileName) && fileName !== '.' && fileName !== '..'
  if (!plain) throw new RpcError('INVALID_INPUT', `Nom de fichier refusé : « ${fileName.replace(/[\0-\x1f]/g, '?')} » ne doit désigner aucun dossier.`)
  if (!fileName.toLowerCase().endsWith('.json')) throw new RpcError('INVALID_INPUT', 'Un référentiel de conformité est un fichier .json.')
}

async function jsonFilesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

const samePack = (a: RulePack, b: RulePack): boolean => a.id === b.id && a.version === b.version

/** The packs known to this installation and the choice of the one in force. */
export class RulePackCatalog {
  private constructor(
    private readonly folders: RulePackFolders,
    private readonly packs: LoadedPack[]
  ) {}

  /**
   * Reads every pack. A bundled pack that does not validate is a defect of the release and stops the
   * load; an installed one that no longer validates (edited by hand, older schema) is skipped and logged,
   * so that the bundled packs still protect the installation.
   */
  static async load(folders: RulePackFolders, log: (message: string) => void = () => {}): Promise<RulePackCatalog> {
    const packs: LoadedPack[] = []
    for (const name of await jsonFilesIn(folders.bundledDir)) {
      packs.push({ pack: parseRulePackBytes(await readFile(join(folders.bundledDir, name)), name), source: 'bundled' })
    }
    for (const name of await jsonFilesIn(folders.installedDir)) {
      try {
        const pack = parseRulePackBytes(await readFile(join(folders.installedDir, name)), name)
        if (packs.some((known) => samePack(known.pack, pack))) continue
        packs.push({ pack, source: 'installed' })
      } catch (error) {
        if (!(error instanceof RulePackError)) throw error
        log(`${error.message} Ce fichier est ignoré.`)
      }
    }
    if (packs.length === 0) throw new RulePackError(`Aucun référentiel de conformité trouvé dans ${folders.bundledDir}.`)
    return new RulePackCatalog(folders, packs)
  }

  available(): AvailableRulePack[] {
    return this.packs.map(({ pack, source }) => ({ ...infoOf(pack), source }))
  }

  /**
   * The pack in force on the calendar day of `now`: the highest version already effective. The bundled
   * pack is effective from its release, so there is always one unless the clock is wrong; then the
   * lock cannot judge anything and says so.
   */
  active(now: number, calendar: Calendar): RulePack {
    const today = calendar.today(now)
    const effective = this.packs.filter(({ pack }) => pack.effectiveDate <= today)
    if (effective.length === 0) {
      const earliest = this.packs.map(({ pack }) => pack.effectiveDate).sort()[0]
      throw new RpcError(
        'UNAVAILABLE',
        `Aucun référentiel de conformité n'est en vigueur au ${formatFrenchDate(today)} (le plus ancien prend effet le ${formatFrenchDate(earliest)}) : vérifiez l'horloge du poste.`
      )
    }
    return effective.reduce((best, candidate) => (compareVersions(candidate.pack.version, best.pack.version) > 0 ? candidate : best)).pack
  }

  /**
   * Validates a pack and stores it atomically under `<id>-<version>.json`. Installing the same pack
   * again is harmless; a different pack under an id and version already known is refused, as a
   * version must always designate one text.
   */
  async install(fileName: string, bytes: Uint8Array): Promise<RulePackInfo> {
    checkUploadedName(fileName)
    let pack: RulePack
    try {
      pack = parseRulePackBytes(bytes, fileName)
    } catch (error) {
      if (error instanceof RulePackError) throw new RpcError('INVALID_INPUT', error.message)
      throw error
    }
    const known = this.packs.find((loaded) => samePack(loaded.pack, pack))
    if (known) {
      if (JSON.stringify(known.pack) === JSON.stringify(pack)) return infoOf(pack)
      throw new RpcError('CONFLICT', `Le référentiel « ${pack.id} » en version ${pack.version} existe déjà avec un autre contenu : changez de numéro de version.`)
    }
    await writeFileAtomic(join(this.folders.installedDir, installedFileName(pack)), bytes)
    this.packs.push({ pack, source: 'installed' })
    return infoOf(pack)
  }
}

export interface RulePackChange {
  previous: { id: string; version: string } | null
  current: RulePackInfo
}

const ACTIVE_PACK_KEY = 'active-rule-pack'

/**
 * Remembers which pack was in force the last time this was asked, and reports a change once (on the
 * first start, `previous` is null), so that the caller can write it to the audit trail.
 */
export function noteActivePack(sql: SqlExecutor, pack: RulePack): RulePackChange | null {
  const row = sql.get<{ value: string }>('SELECT value FROM compliance_meta WHERE key = ?', [ACTIVE_PACK_KEY])
  const previous = row ? (JSON.parse(row.value) as { id: string; version: string }) : null
  if (previous && previous.id === pack.id && previous.version === pack.version) return null
  sql.run(
    'INSERT INTO compliance_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [ACTIVE_PACK_KEY, JSON.stringify({ id: pack.id, version: pack.version })]
  )
  return { previous, current: infoOf(pack) }
}
