import { AccountError, isRole, type Account, type AccountStore, type Role } from '../store/accounts/account-store.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { NAME_PATTERN, newId, normaliseName, validName } from './secrets.js';

/** A user as shown by the API and the CLI: never the password hash. */
export interface PublicUser {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  updatedAt: string;
}

export const publicUser = (a: Account): PublicUser => ({
  id: a.id,
  name: a.name,
  role: a.role,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

/** A refused user-management request: bad input (400), a name that is taken (409), an unknown user (404). */
export class UserError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

function checkName(raw: unknown): string {
  const name = typeof raw === 'string' ? normaliseName(raw) : raw;
  if (!validName(name))
    throw new UserError(
      400,
      'invalid_name',
      `A user name is 1–64 characters of a–z, 0–9 and . _ @ - (pattern ${NAME_PATTERN.source})`,
    );
  return name;
}

function checkRole(role: unknown): Role {
  if (!isRole(role)) throw new UserError(400, 'invalid_role', 'The role must be viewer, editor or admin');
  return role;
}

function checkPassword(password: unknown): string {
  const problem = passwordProblem(password);
  if (problem) throw new UserError(400, 'invalid_password', problem);
  return password as string;
}

export async function addUser(
  accounts: AccountStore,
  input: { name: unknown; role: unknown; password: unknown },
  now = new Date().toISOString(),
): Promise<PublicUser> {
  const name = checkName(input.name);
  const role = checkRole(input.role);
  const password = checkPassword(input.password);
  const account: Account = {
    id: newId(),
    name,
    role,
    passwordHash: await hashPassword(password),
    createdAt: now,
    updatedAt: now,
  };
  try {
    return publicUser(await accounts.createAccount(account));
  } catch (err) {
    if (err instanceof AccountError && err.code === 'account_exists')
      throw new UserError(409, 'user_exists', `User "${name}" already exists`);
    throw err;
  }
}

async function existing(accounts: AccountStore, rawName: unknown): Promise<Account> {
  const name = typeof rawName === 'string' ? normaliseName(rawName) : '';
  const account = validName(name) ? await accounts.getAccountByName(name) : undefined;
  if (!account) throw new UserError(404, 'user_not_found', `No user "${String(rawName).slice(0, 80)}"`);
  return account;
}

async function admins(accounts: AccountStore): Promise<number> {
  return (await accounts.listAccounts()).filter((a) => a.role === 'admin').length;
}

/** Changes the role and/or the password (a new password ends the user's sessions). The last admin stays an admin. */
export async function updateUser(
  accounts: AccountStore,
  rawName: unknown,
  change: { role?: unknown; password?: unknown },
  now = new Date().toISOString(),
): Promise<PublicUser> {
  const account = await existing(accounts, rawName);
  const role = change.role === undefined ? undefined : checkRole(change.role);
  const password = change.password === undefined ? undefined : checkPassword(change.password);
  if (account.role === 'admin' && role !== undefined && role !== 'admin' && (await admins(accounts)) <= 1) {
    throw new UserError(409, 'last_admin', 'The last administrator cannot lose the admin role');
  }
  const updated = await accounts.updateAccount(
    account.id,
    { ...(role ? { role } : {}), ...(password ? { passwordHash: await hashPassword(password) } : {}) },
    now,
  );
  return publicUser(updated);
}

export async function removeUser(accounts: AccountStore, rawName: unknown): Promise<PublicUser> {
  const account = await existing(accounts, rawName);
  if (account.role === 'admin' && (await admins(accounts)) <= 1 && (await accounts.countAccounts()) > 1) {
    throw new UserError(409, 'last_admin', 'The last administrator cannot be removed while other users exist');
  }
  await accounts.removeAccount(account.id);
  return publicUser(account);
}

export async function listUsers(accounts: AccountStore): Promise<PublicUser[]> {
  return (await accounts.listAccounts()).map(publicUser);
}
