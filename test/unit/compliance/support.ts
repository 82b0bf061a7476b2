import { mkdir, mkdtemp, rm, copyFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { DeployerType, Role } from '../../../electron/shared/accounts'
import type { AttachDocumentInput, ModuleId } from '../../../electron/shared/compliance'
import { AccountService } from '../../../electron/core/auth/account-service'
import { ComplianceService, type Approver } from '../../../electron/core/compliance/compliance-service'
import { RulePackCatalog, type RulePackFolders } from '../../../electron/core/compliance/rule-packs'
import { openDatabase, type Database } from '../../../electron/core/store/database'
import { MIGRATIONS } from '../../../electron/core/store/migrations'
import { FAST_SCRYPT, newUser, ORGANISATION, shippedCommonPasswords, STRONG } from '../auth/support'

export { expectRpcError } from '../auth/support'

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..')
export const BUNDLED_PACKS = join(repoRoot, 'resources', 'rule-packs')
export const TEST_PACK = join(repoRoot, 'test', 'fixtures', 'rule-packs', 'test-simple.json')

export const DAY_MS = 24 * 60 * 60 * 1000
/** 29 November 2026, 10:00 UTC (11:00 in Paris): the bundled pack is in force. */
export const NOW = Date.UTC(2026, 10, 29, 10, 0)
export const PARIS = 'Europe/Paris'

/** A small but well-formed PDF: starts with the magic, ends with the end-of-file marker. */
export function pdf(text = 'document'): Buffer {
  return Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1')
}

/** An export of the CNIL's PIA software, as its « Exporter » writes it (status: 0 en cours … 4 archivée). */
export function piaExport(status: number | string, name = 'Comptage place du Marché'): Buffer {
  return Buffer.from(
    JSON.stringify({
      pia: { id: 7, name, status, author_name: 'A. Martin', evaluator_name: 'B. Durand', validator_name: 'C. Petit', dpo_status: 1 },
      answers: [{ pia_id: 7, reference_to: 111, data: { text: 'Description', gauge: 0, list: [] } }],
      measures: [],
      evaluations: [],
      comments: []
    }),
    'utf8'
  )
}

export type People = Record<'alice' | 'bruno' | 'claire' | 'denis' | 'olivier', Approver>

/**
 * A data folder with the real migrations, five people (alice, bruno: supervisors; claire, denis: DPO;
 * olivier: operator) and a compliance service reading the rule packs from the folders given.
 */
export class ComplianceFixture {
  service!: ComplianceService
  catalog!: RulePackCatalog
  people!: People

  private constructor(
    readonly dir: string,
    readonly db: Database,
    readonly folders: RulePackFolders
  ) {}

  /** `packs`: the files to ship as bundled packs (the repository's own by default). */
  static async create(packs: 'bundled' | 'test' = 'bundled'): Promise<ComplianceFixture> {
    const dir = await mkdtemp(join(tmpdir(), 'vigie-compliance-'))
    let bundledDir = BUNDLED_PACKS
    if (packs === 'test') {
      bundledDir = join(dir, 'app', 'resources', 'rule-packs')
      await mkdir(bundledDir, { recursive: true })
      await copyFile(TEST_PACK, join(bundledDir, 'test-simple.json'))
    }
    const db = openDatabase(join(dir, 'vigie.db'), { migrations: MIGRATIONS })
    const fixture = new ComplianceFixture(dir, db, { bundledDir, installedDir: join(dir, 'data', 'rule-packs') })
    fixture.people = await createPeople(db)
    await fixture.open()
    return fixture
  }

  get documentsDir(): string {
    return join(this.dir, 'data', 'documents')
  }

  /** (Re)reads the packs and builds the service, as a start of the core would. */
  async open(): Promise<void> {
    this.catalog = await RulePackCatalog.load(this.folders)
    this.service = new ComplianceService({ db: this.db, catalog: this.catalog, documentsDir: this.documentsDir, timeZone: PARIS })
  }

  attach(
    by: Approver,
    moduleIds: ModuleId[],
    type: string,
    bytes: Buffer,
    overrides: Partial<AttachDocumentInput> = {},
    now = NOW
  ): ReturnType<ComplianceService['attachDocument']> {
    return this.service.attachDocument(
      {
        moduleIds,
        type,
        reference: `${type}-${bytes.length}`,
        issuer: 'Préfecture d’Ille-et-Vilaine',
        issuedOn: '2026-01-15',
        fileName: `${type.toLowerCase()}.pdf`,
        base64: bytes.toString('base64'),
        ...overrides
      },
      by,
      now
    )
  }

  approve(moduleId: ModuleId, by: Approver, deployer: DeployerType = 'commune', now = NOW): ReturnType<ComplianceService['approve']> {
    return this.service.approve(moduleId, deployer, by, `Dossier relu et conforme (${by.username})`, now)
  }

  async dispose(): Promise<void> {
    await this.db.close()
    await rm(this.dir, { recursive: true, force: true })
  }
}

async function createPeople(db: Database): Promise<People> {
  const accounts = new AccountService(db, { commonPasswords: await shippedCommonPasswords(), scrypt: FAST_SCRYPT })
  await accounts.createFirstAdmin(ORGANISATION, { username: 'admin', displayName: 'Anne Admin', password: STRONG })
  const person = async (username: string, roles: Role[]): Promise<Approver> => {
    const user = await accounts.createUser(newUser(username, roles))
    return { userId: user.id, username: user.username, roles: user.roles }
  }
  return {
    alice: await person('alice', ['supervisor']),
    bruno: await person('bruno', ['supervisor']),
    claire: await person('claire', ['dpo']),
    denis: await person('denis', ['dpo']),
    olivier: await person('olivier', ['operator'])
  }
}
