import { describe, expect, it } from 'vitest'
import { MIN_PASSWORD_LENGTH } from '../../../electron/shared/accounts'
import { comparable, parseCommonPasswords, passwordProblems, type PasswordRule } from '../../../electron/core/auth/password-policy'
import { shippedCommonPasswords } from './support'

async function brokenRules(password: string, username = 'j.dupont'): Promise<PasswordRule[]> {
  return passwordProblems(password, { username, common: await shippedCommonPasswords() }).map((problem) => problem.rule)
}

describe('password policy', () => {
  it('loads the shipped list of common passwords, several hundred of them, without its comment header', async () => {
    const common = await shippedCommonPasswords()
    expect(common.size).toBeGreaterThan(500)
    const expected = ['azerty', 'motdepasse', 'soleil', 'marseille', 'jetaime', 'password', 'qwerty', '123456', 'vigie', 'videoprotection', 'mairie']
    for (const entry of expected) expect(common.has(entry), entry).toBe(true)
    expect([...common].some((entry) => entry.startsWith('#'))).toBe(false)
  })

  it('reads a list ignoring comments and blank lines, folding case, accents and separators', () => {
    expect([...parseCommonPasswords('# en-tête\n\n  Été  \r\nMot de Passe\n')]).toEqual(['ete', 'motdepasse'])
    expect(comparable('Mot-de-Passé')).toBe('motdepasse')
  })

  it('accepts a long password that breaks no rule', async () => {
    expect(await brokenRules('Quai-des-Remparts#1758')).toEqual([])
    expect(await brokenRules('Forêt-Élevée-à-Noël-84')).toEqual([])
  })

  it(`refuses a password shorter than ${MIN_PASSWORD_LENGTH} characters, counting an accented letter once`, async () => {
    expect(await brokenRules('Xk9#mP2$vL8')).toEqual(['length'])
    // 12 characters once composed, 13 code units if the accent were counted apart.
    expect(await brokenRules('Xk9#mP2$vLé8'.normalize('NFD'))).toEqual([])
  })

  it('refuses common passwords whatever their case, accents, separators or leetspeak', async () => {
    for (const password of ['MOTDEPASSE2024', 'MotDePassé2024', 'mot-de-passe-2024', 'P@ssw0rd2024!', 'Marseille13013', 'Soleil!!!!!!']) {
      expect(await brokenRules(password), password).toEqual(['common'])
    }
  })

  it('refuses a common word padded with trailing or leading digits and symbols: « Azerty123456! » is « azerty »', async () => {
    expect(await brokenRules('Azerty123456!')).toEqual(['common'])
    expect(await brokenRules('2024!Videoprotection')).toEqual(['common'])
  })

  it('refuses a password equal to or containing the username, whatever its case', async () => {
    expect(await brokenRules('JDupont-Quai#92', 'j.dupont')).toEqual(['username'])
    expect(await brokenRules('jean.dupont.csu', 'jean.dupont.csu')).toEqual(['username'])
  })

  it('does not refuse a password merely containing a two-letter username', async () => {
    expect(await brokenRules('Bonjour-Quai#92x', 'jo')).toEqual([])
  })

  it('refuses one repeated character, a repeated word and simple sequences', async () => {
    for (const password of ['aaaaaaaaaaaa', 'soleilsoleil', 'abcdefghijklm', 'zyxwvutsrqpo', '345678901234', '9876543210987', 'hijklmnop!!!']) {
      expect(await brokenRules(password), password).toEqual(['pattern'])
    }
  })

  it('reports each broken rule once, with a message in French', async () => {
    const problems = passwordProblems('azerty', { username: 'azerty', common: await shippedCommonPasswords() })
    expect(problems.map((problem) => problem.rule)).toEqual(['length', 'common', 'username'])
    expect(problems.map((problem) => problem.message)).toEqual([
      `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`,
      'Ce mot de passe est trop courant : il figure parmi les mots de passe les plus utilisés.',
      'Le mot de passe ne doit pas contenir l’identifiant.'
    ])
  })
})
