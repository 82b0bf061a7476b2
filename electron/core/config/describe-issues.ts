import type { ZodError } from 'zod'

/** Turns schema errors into one line a person can act on, naming each offending key. */
export function describeIssues(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const at = issue.path.length > 0 ? issue.path.join('.') : '(racine)'
      if (issue.code === 'unrecognized_keys') return `${at} : clé inconnue « ${issue.keys.join('», «')} »`
      return `${at} : ${issue.message}`
    })
    .join(' ; ')
}
