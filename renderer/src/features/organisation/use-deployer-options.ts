import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { DEPLOYER_TYPES, type DeployerType } from '../../../../electron/shared/accounts'
import type { SelectOption } from '../../components/SelectField'

/** The deployer types with their French (or English) names, in the contract's order. */
export function useDeployerOptions(): Array<SelectOption<DeployerType>> {
  const { t } = useTranslation()
  return useMemo(() => DEPLOYER_TYPES.map((deployer) => ({ value: deployer, label: t(`deployers.${deployer}`) })), [t])
}
