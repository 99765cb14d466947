import { createInterface } from 'node:readline';
import { loadConfig } from '../config.js';
import { openAccounts } from '../store/accounts/open.js';
import type { AccountStore } from '../store/accounts/account-store.js';
import { UserError, addUser, listUsers, removeUser, updateUser } from '../auth/users.js';

export interface PasswordSource {
  /** Read the password from the first line of standard input (for scripts). */
  passwordStdin?: boolean;
}

async function withAccounts<T>(fn: (accounts: AccountStore) => Promise<T>): Promise<T> {
  const accounts = await openAccounts(loadConfig());
  try {
    return await fn(accounts);
  } finally {
    await accounts.close();
  }
}

async function firstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

/** Asks on the terminal without echo. */
function ask(prompt: string): Promise<string> {
  return new Promise((resolvePw, reject) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    let value = '';
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.setRawMode?.(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolvePw(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode?.(false);
          stdin.off('data', onData);
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(source: PasswordSource): Promise<string> {
  if (source.passwordStdin) return firstLine();
  if (!process.stdin.isTTY)
    throw new UserError(400, 'no_password', 'No terminal to ask for the password on: use --password-stdin');
  const first = await ask('Password: ');
  const again = await ask('Password again: ');
  if (first !== again) throw new UserError(400, 'password_mismatch', 'The passwords differ');
  return first;
}

function fail(err: unknown): number {
  if (err instanceof UserError) {
    console.error(`error: ${err.message}`);
    return 2;
  }
  throw err;
}

export async function userAdd(name: string, opts: PasswordSource & { role: string }): Promise<number> {
  try {
    const password = await readPassword(opts);
    const user = await withAccounts((a) => addUser(a, { name, role: opts.role, password }));
    console.log(`added ${user.role} "${user.name}"`);
    return 0;
  } catch (err) {
    return fail(err);
  }
}

export async function userList(opts: { json?: boolean }): Promise<number> {
  const users = await withAccounts((a) => listUsers(a));
  if (opts.json) console.log(JSON.stringify(users, null, 2));
  else if (users.length === 0) console.log('no accounts: the server runs in open local mode (loopback only)');
  else for (const u of users) console.log(`${u.name.padEnd(24)} ${u.role.padEnd(7)} created ${u.createdAt}`);
  return 0;
}

export async function userRemove(name: string): Promise<number> {
  try {
    const user = await withAccounts((a) => removeUser(a, name));
    console.log(`removed "${user.name}" with their tokens and sessions`);
    return 0;
  } catch (err) {
    return fail(err);
  }
}

/** A new password (ends the user's sessions) and/or a new role. */
export async function userReset(
  name: string,
  opts: PasswordSource & { role?: string; keepPassword?: boolean },
): Promise<number> {
  try {
    const password = opts.keepPassword ? undefined : await readPassword(opts);
    const user = await withAccounts((a) =>
      updateUser(a, name, {
        ...(password !== undefined ? { password } : {}),
        ...(opts.role ? { role: opts.role } : {}),
      }),
    );
    console.log(`reset "${user.name}" (${user.role})${password !== undefined ? ': new password, sessions ended' : ''}`);
    return 0;
  } catch (err) {
    return fail(err);
  }
}
