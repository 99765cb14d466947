import { Command, Option } from 'commander';
import type { SetExitCode } from './exit-code.js';

/** `user add|list|remove|reset`: accounts and roles. */
export function registerUserCommands(program: Command, setCode: SetExitCode): void {
  const user = program.command('user').description('Manage accounts (viewer, editor, admin): add, list, remove, reset');
  user
    .command('add')
    .description('Add a user; asks for the password (or reads it from stdin with --password-stdin)')
    .argument('<name>', 'sign-in name (a-z, 0-9, . _ @ -)')
    .addOption(new Option('--role <role>', 'role').choices(['viewer', 'editor', 'admin']).default('viewer'))
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (name: string, opts: { role: string; passwordStdin?: boolean }) => {
      const { userAdd } = await import('../user-commands.js');
      setCode(await userAdd(name, opts));
    });
  user
    .command('list')
    .description('List users and roles')
    .option('--json', 'as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { userList } = await import('../user-commands.js');
      setCode(await userList(opts));
    });
  user
    .command('remove')
    .description('Remove a user with their tokens and sessions')
    .argument('<name>', 'sign-in name')
    .action(async (name: string) => {
      const { userRemove } = await import('../user-commands.js');
      setCode(await userRemove(name));
    });
  user
    .command('reset')
    .description("Set a new password (ends the user's sessions) and/or a new role")
    .argument('<name>', 'sign-in name')
    .addOption(new Option('--role <role>', 'new role').choices(['viewer', 'editor', 'admin']))
    .option('--keep-password', 'change only the role')
    .option('--password-stdin', 'read the new password from the first line of standard input')
    .action(async (name: string, opts: { role?: string; keepPassword?: boolean; passwordStdin?: boolean }) => {
      const { userReset } = await import('../user-commands.js');
      setCode(await userReset(name, opts));
    });
}

/** `backup` and `restore`: the whole store as one JSON file, accounts optional. */
export function registerBackupCommands(program: Command, setCode: SetExitCode): void {
  program
    .command('backup')
    .description(
      'Back up nodes, relations, history and views (and with --with-accounts, accounts and token hashes) as JSON',
    )
    .requiredOption('-o, --output <file>', 'the backup file to write')
    .option(
      '--with-accounts',
      'include accounts and API tokens (hashes only; never sessions); the file is made private (0600)',
    )
    .option('--force', 'overwrite an existing file')
    .action(async (opts: { output: string; withAccounts?: boolean; force?: boolean }) => {
      const { backupCommand } = await import('../backup-commands.js');
      setCode(await backupCommand(opts));
    });

  program
    .command('restore')
    .description('Restore a backup into an EMPTY store, exactly (versions, timestamps, authors, history)')
    .argument('<file>', 'backup file')
    .option('--without-accounts', 'do not restore the accounts in the backup')
    .action(async (file: string, opts: { withoutAccounts?: boolean }) => {
      const { restoreCommand } = await import('../backup-commands.js');
      setCode(await restoreCommand(file, opts));
    });
}
