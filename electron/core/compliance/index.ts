export {
  ComplianceService,
  type Approver,
  type ApprovalHistoryEntry,
  type ComplianceChange,
  type ComplianceRefresh,
  type ComplianceRegisterData,
  type ComplianceServiceOptions,
  type RegisterDocument,
  type RunDecision,
  type StateTransition
} from './compliance-service'
export type { Actor } from './document-store'
export { MIN_JUSTIFICATION_LENGTH } from './document-store'
export { DOCUMENTS_FOLDER } from './document-files'
export { decodeBase64 } from './base64'
export { DEFAULT_TIME_ZONE } from './calendar'
export {
  RulePackCatalog,
  RULE_PACKS_FOLDER,
  rulePackFolders,
  type AvailableRulePack,
  type RulePackChange,
  type RulePackFolders,
  type RulePackSource
} from './rule-packs'
export { parseRulePack, parseRulePackBytes, RulePackError, type RulePack } from './rule-pack-schema'
export { buildRegister, registerFileName, registerToJson, type ComplianceRegister, type RegisterInput } from './register-export'
export { registerToPdf, type RegisterPdfOptions } from './register-pdf'
export { DEPLOYER_LABELS, ROLE_LABELS, STATE_LABELS } from './labels'
