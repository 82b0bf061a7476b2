import { z } from 'zod'

/**
 * Zod's default messages are English; the people reading them are French operators. Messages given in
 * a schema itself (e.g. a regex's explanation) still take precedence over these.
 */
export const frenchErrorMap: z.ZodErrorMap = (issue, context) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.expected === 'integer') return { message: 'nombre entier attendu' }
      return { message: issue.received === 'undefined' ? 'valeur requise' : `type attendu : ${issue.expected}, reçu : ${issue.received}` }
    case z.ZodIssueCode.too_small:
      if (issue.type === 'string') return { message: issue.minimum === 1 ? 'ne doit pas être vide' : `au moins ${issue.minimum} caractères` }
      if (issue.type === 'array') return { message: `au moins ${issue.minimum} élément${Number(issue.minimum) > 1 ? 's' : ''}` }
      if (issue.type === 'number') return { message: `doit être ${issue.inclusive ? 'au moins' : 'supérieur à'} ${issue.minimum}` }
      break
    case z.ZodIssueCode.too_big:
      if (issue.type === 'string') return { message: `au plus ${issue.maximum} caractères` }
      if (issue.type === 'array') return { message: `au plus ${issue.maximum} éléments` }
      if (issue.type === 'number') return { message: `doit être ${issue.inclusive ? 'au plus' : 'inférieur à'} ${issue.maximum}` }
      break
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `valeur « ${String(issue.received)} » inconnue (attendu : ${issue.options.join(', ')})` }
    case z.ZodIssueCode.unrecognized_keys:
      return { message: `clé inconnue ${issue.keys.map((key) => `« ${key} »`).join(', ')}` }
    case z.ZodIssueCode.invalid_string:
      return { message: 'format invalide' }
    case z.ZodIssueCode.invalid_literal:
      return { message: `valeur attendue : ${JSON.stringify(issue.expected)}` }
    case z.ZodIssueCode.invalid_union:
      return { message: 'aucune des formes acceptées' }
    default:
      break
  }
  return { message: context.defaultError }
}

/** Turns schema errors into one line a person can act on, naming where each problem is. */
export function describeIssues(error: z.ZodError, root = 'entrée'): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : root} : ${issue.message}`)
    .join(' ; ')
}
