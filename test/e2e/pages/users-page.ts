import { expect, type Locator, type Page } from '@playwright/test'
import type { Role } from '../../../electron/shared/accounts'

export interface NewAccountFields {
  username: string
  displayName: string
  roles: Role[]
  /** Camera groups, typed comma-separated. */
  groups?: string[]
  allGroups?: boolean
  password: string
}

export interface AccountChanges {
  displayName?: string
  roles?: Role[]
  groups?: string[]
  allGroups?: boolean
  disabled?: boolean
}

const ALL_ROLES: Role[] = ['operator', 'supervisor', 'dpo', 'admin']

/** The accounts screen (administrators). */
export class UsersPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-users').click()
    await expect(this.page.getByTestId('users-table')).toBeVisible()
  }

  row(username: string): Locator {
    return this.page.getByTestId(`user-row-${username}`)
  }

  /** The error the core gave, kept in the open dialog. */
  formError(): Locator {
    return this.page.getByTestId('user-form-error')
  }

  private async setRoles(roles: Role[]): Promise<void> {
    for (const role of ALL_ROLES) await this.page.getByTestId(`user-form-role-${role}`).setChecked(roles.includes(role))
  }

  /** `groups` is typed before `allGroups` is ticked: the groups field is disabled while « toutes » is on. */
  private async setScope(groups: string[] | undefined, allGroups: boolean | undefined): Promise<void> {
    const allGroupsBox = this.page.getByTestId('user-form-all-groups')
    if (groups !== undefined) {
      await allGroupsBox.setChecked(false)
      await this.page.getByTestId('user-form-groups').fill(groups.join(', '))
    }
    if (allGroups !== undefined) await allGroupsBox.setChecked(allGroups)
  }

  /** Opens the create dialog and types every field, without saving. */
  async fillCreate(fields: NewAccountFields): Promise<void> {
    await this.page.getByTestId('user-add').click()
    await this.page.getByTestId('user-form-username').fill(fields.username)
    await this.page.getByTestId('user-form-display-name').fill(fields.displayName)
    await this.setRoles(fields.roles)
    await this.setScope(fields.groups, fields.allGroups)
    await this.page.getByTestId('user-form-password').fill(fields.password)
  }

  async save(): Promise<void> {
    await this.page.getByTestId('user-form-save').click()
    await expect(this.page.getByTestId('user-form-save')).toHaveCount(0)
  }

  async create(fields: NewAccountFields): Promise<void> {
    await this.fillCreate(fields)
    await this.save()
    await expect(this.row(fields.username)).toBeVisible()
  }

  async fillEdit(username: string, changes: AccountChanges): Promise<void> {
    await this.page.getByTestId(`user-edit-${username}`).click()
    if (changes.displayName !== undefined) await this.page.getByTestId('user-form-display-name').fill(changes.displayName)
    if (changes.roles !== undefined) await this.setRoles(changes.roles)
    await this.setScope(changes.groups, changes.allGroups)
    if (changes.disabled !== undefined) await this.page.getByTestId('user-form-disabled').setChecked(changes.disabled)
  }

  async edit(username: string, changes: AccountChanges): Promise<void> {
    await this.fillEdit(username, changes)
    await this.save()
  }

  async fillResetPassword(username: string, password: string): Promise<void> {
    await this.page.getByTestId(`user-reset-${username}`).click()
    await this.page.getByTestId('user-form-password').fill(password)
  }

  async resetPassword(username: string, password: string): Promise<void> {
    await this.fillResetPassword(username, password)
    await this.save()
  }

  /** `active`, `disabled` or `locked`, as the row shows it. */
  async state(username: string): Promise<string | null> {
    return this.row(username).getAttribute('data-state')
  }
}
