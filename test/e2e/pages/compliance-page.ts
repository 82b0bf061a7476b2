import { expect, type Download, type Locator, type Page } from '@playwright/test'
import type { ModuleId, ModuleState } from '../../../electron/shared/compliance'

export interface AttachFields {
  /** Requirement type id, as in the rule pack: « AIPD », « ARRETE_PREFECTORAL »… */
  type: string
  reference: string
  issuer: string
  /** « AAAA-MM-JJ », the value of <input type="date">. */
  issuedOn: string
  expiresOn?: string
  filePath: string
  /** Camera ids the document covers; the whole installation when absent. */
  cameras?: string[]
}

/** « Conformité »: the module overview, a module's dossier, documents and approvals. */
export class CompliancePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-compliance').click()
    await expect(this.page.getByTestId('compliance-overview')).toHaveAttribute('data-status', 'ready')
  }

  rulePackVersion(): Locator {
    return this.page.getByTestId('rule-pack-version')
  }

  card(id: ModuleId): Locator {
    return this.page.getByTestId(`module-card-${id}`)
  }

  async state(id: ModuleId): Promise<ModuleState> {
    return (await this.card(id).getAttribute('data-state')) as ModuleState
  }

  /** Waits for the card to show a state (events and reloads arrive asynchronously). */
  async expectState(id: ModuleId, state: ModuleState): Promise<void> {
    await expect(this.card(id)).toHaveAttribute('data-state', state)
  }

  missing(id: ModuleId): Locator {
    return this.page.getByTestId(`module-missing-${id}`)
  }

  async openDossier(id: ModuleId): Promise<void> {
    await this.page.getByTestId(`module-open-${id}`).click()
    await expect(this.dossier(id)).toHaveAttribute('data-status', 'ready')
  }

  dossier(id: ModuleId): Locator {
    return this.page.getByTestId(`dossier-${id}`)
  }

  /** The state shown at the head of the open dossier. */
  dossierState(): Locator {
    return this.page.getByTestId('dossier-state')
  }

  requirement(type: string): Locator {
    return this.page.getByTestId(`requirement-${type}`)
  }

  /** A document's row, by the first 12 characters of its sha256. */
  documentRow(sha256: string): Locator {
    return this.page.getByTestId(`document-row-${sha256.slice(0, 12)}`)
  }

  approvalRow(id: number): Locator {
    return this.page.getByTestId(`approval-row-${id}`)
  }

  /** Opens the attach dialog and fills every field, without sending. */
  async fillAttach(fields: AttachFields): Promise<void> {
    await this.page.getByTestId('attach-open').click()
    await this.page.getByTestId('attach-type').selectOption(fields.type)
    await this.page.getByTestId('attach-reference').fill(fields.reference)
    await this.page.getByTestId('attach-issuer').fill(fields.issuer)
    await this.page.getByTestId('attach-issued-on').fill(fields.issuedOn)
    await this.page.getByTestId('attach-expires-on').fill(fields.expiresOn ?? '')
    await this.page.getByTestId('attach-perimeter-all').setChecked(fields.cameras === undefined)
    for (const cameraId of fields.cameras ?? []) await this.page.getByTestId(`attach-camera-${cameraId}`).check()
    await this.page.getByTestId('attach-file').setInputFiles(fields.filePath)
  }

  /** Attaches a document and waits for the dialog to close (the core accepted it). */
  async attach(fields: AttachFields): Promise<void> {
    await this.fillAttach(fields)
    await this.page.getByTestId('attach-submit').click()
    await expect(this.page.getByTestId('attach-dialog')).toHaveCount(0)
  }

  /** The core's refusal, kept in the open attach dialog. */
  attachError(): Locator {
    return this.page.getByTestId('attach-error')
  }

  /** Types and submits a decision, without expecting success (for refusals: see decisionError()). */
  async submitDecision(decision: 'approve' | 'revoke', justification: string): Promise<void> {
    await this.page.getByTestId(`${decision}-open`).click()
    await this.page.getByTestId('decision-justification').fill(justification)
    await this.page.getByTestId('decision-submit').click()
  }

  async approve(justification: string): Promise<void> {
    await this.submitDecision('approve', justification)
    await expect(this.page.getByTestId('decision-dialog')).toHaveCount(0)
  }

  async revoke(justification: string): Promise<void> {
    await this.submitDecision('revoke', justification)
    await expect(this.page.getByTestId('decision-dialog')).toHaveCount(0)
  }

  decisionError(): Locator {
    return this.page.getByTestId('decision-error')
  }

  /** Withdraws a document (by sha256) with a justification, and waits for its row to say so. */
  async withdraw(sha256: string, justification: string): Promise<void> {
    await this.page.getByTestId(`document-withdraw-${sha256.slice(0, 12)}`).click()
    await this.page.getByTestId('withdraw-justification').fill(justification)
    await this.page.getByTestId('withdraw-submit').click()
    await expect(this.page.getByTestId('withdraw-dialog')).toHaveCount(0)
    await expect(this.documentRow(sha256)).toHaveAttribute('data-withdrawn', 'true')
  }

  /** Clicks a register export button and returns the browser download (its name comes from the core). */
  async exportRegister(format: 'pdf' | 'json'): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`register-export-${format}`).click()])
    return download
  }

  async installRulePack(filePath: string): Promise<void> {
    await this.page.getByTestId('rulepack-install').setInputFiles(filePath)
    await expect(this.page.getByTestId('rulepack-install-result').or(this.page.getByTestId('rulepack-install-error'))).toBeVisible()
  }

  /** A wall tile's analytics line for one module; `data-running` is « true » or « false ». */
  tileAnalytics(index: number, moduleId: ModuleId): Locator {
    return this.page.getByTestId(`tile-analytics-${index}-${moduleId}`)
  }
}
