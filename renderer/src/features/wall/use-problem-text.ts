import { useTranslation } from 'react-i18next'
import type { PlayerProblem } from '../../player/types'

export function useProblemText(problem: PlayerProblem | null): string | undefined {
  const { t } = useTranslation()
  if (!problem) return undefined
  switch (problem.kind) {
    case 'unsupported':
      return t('wall.player.unsupported')
    case 'codec':
      return t('wall.player.codec', { codec: problem.codec })
    case 'decode':
      return t('wall.player.decode')
    case 'stream':
      return t('wall.player.stream', { message: problem.message })
  }
}
