import { Command, Option } from 'commander';
import { APP_VERSION } from '../version.js';

/** The `aktorsatlas` command line. Commands load their modules lazily so `--help` stays fast. Returns an exit code, or -1 while a server keeps running. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('aktorsatlas')
    .description('Map and analyse the actor network behind regional skills supply.')
    .version(APP_VERSION)
    .exitOverride()
    .showHelpAfterError();

  program
    .command('serve')
    .description(
      'Start the API and the map (SQLite unless NEO4J_URI is set; seeds an empty store with the Jönköping network)',
    )
    .option('--port <port>', 'port (default: PORT or 3000)')
    .option('--host <host>', 'address to bind (default: HOST or 127.0.0.1)')
    .option('--no-seed', 'do not seed an empty store')
    .action(async (opts: { port?: string; host?: string; seed?: boolean }) => {
      const { serve } = await import('./serve.js');
      code = await serve(opts);
    });

  program
    .command('seed')
    .description('Load the Jönköpings län network into an empty store (does nothing if the store holds data)')
    .action(async () => {
      const { seedCommand } = await import('./data-commands.js');
      code = await seedCommand();
    });

  program
    .command('import')
    .description('Import a JSON batch ({nodes, relations}) or a snapshot file, all-or-nothing')
    .argument('<file>', 'JSON file')
    .action(async (file: string) => {
      const { importCommand } = await import('./data-commands.js');
      code = await importCommand(file);
    });

  program
    .command('export')
    .description('Export the graph')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['json', 'gexf', 'graphml', 'csv', 'xlsx', 'svg', 'png', 'pdf'])
        .default('json'),
    )
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--as-of <date>', 'only relations valid on this date (YYYY-MM-DD)')
    .addOption(
      new Option('--table <table>', 'csv: which table').choices(['nodes', 'relations', 'gaps']).default('nodes'),
    )
    .addOption(
      new Option('--lang <lang>', 'csv, xlsx, svg: language of headers and labels').choices(['sv', 'en']).default('sv'),
    )
    .option('--view <name>', 'a saved view: its filters, focus, encodings and positions')
    .option('--scale <n>', 'png: pixels per CSS pixel, up to 4', '2')
    .option('--width <px>', 'svg, png: map width in CSS pixels')
    .option('--height <px>', 'svg, png: map height in CSS pixels')
    .action(
      async (opts: {
        format: string;
        output?: string;
        asOf?: string;
        table?: string;
        lang?: string;
        view?: string;
        scale?: string;
        width?: string;
        height?: string;
      }) => {
        if (opts.format === 'json') {
          const { exportCommand } = await import('./data-commands.js');
          code = await exportCommand(opts.format, opts.output, opts.asOf);
        } else {
          const { exportFileCommand } = await import('./exchange-commands.js');
          code = await exportFileCommand(opts.format, opts);
        }
      },
    );

  program
    .command('report')
    .description(
      'Write the PDF report of a view (A4): map, key actors, communities, gaps, action plan, method notes, sources',
    )
    .option('--view <name>', 'a saved view: its positions, colours, sizes and filters')
    .addOption(new Option('--lang <lang>', 'language of the report').choices(['sv', 'en']).default('sv'))
    .option('--as-of <date>', 'only relations valid on this date (YYYY-MM-DD)')
    .option('--title <title>', 'title of the report')
    .requiredOption('-o, --output <file>', 'the PDF file to write')
    .action(async (opts: { view?: string; lang: string; asOf?: string; title?: string; output: string }) => {
      const { reportCommand } = await import('./exchange-commands.js');
      code = await reportCommand(opts);
    });

  program
    .command('import-file')
    .description(
      'Import CSV (an actor and a relation file), XLSX, GEXF, GraphML or JSON with a validation report (all-or-nothing)',
    )
    .argument('<files...>', 'the file(s); CSV: the actors file and the relations file')
    .addOption(
      new Option('--format <format>', 'file format (default: from the file name)').choices([
        'json',
        'csv',
        'xlsx',
        'gexf',
        'graphml',
      ]),
    )
    .option('--dry-run', 'validate and report only; write nothing')
    .addOption(new Option('--table <table>', 'what a single CSV file holds').choices(['actors', 'relations']))
    .addOption(
      new Option('--encoding <encoding>', 'CSV encoding').choices(['auto', 'utf-8', 'windows-1252']).default('auto'),
    )
    .addOption(
      new Option('--delimiter <delimiter>', 'CSV delimiter')
        .choices(['auto', 'comma', 'semicolon', 'tab'])
        .default('auto'),
    )
    .option('--mapping <json>', 'JSON object: column header -> field')
    .option('--default-source-url <url>', 'source for relation rows without one')
    .option('--default-source-title <title>', 'title of that source')
    .addOption(
      new Option('--default-evidence <level>', 'evidence for relation rows without one').choices([
        'confirmed',
        'probable',
        'uncertain',
      ]),
    )
    .action(async (files: string[], opts: Record<string, string | boolean | undefined>) => {
      const { importFileCommand } = await import('./exchange-commands.js');
      code = await importFileCommand(files, opts);
    });

  program
    .command('generate')
    .description('Write a synthetic competence-supply network (deterministic for a seed) as a JSON batch')
    .requiredOption('--actors <n>', 'number of organisations (e.g. 1000, 10000, 100000)')
    .option('--seed <n>', 'random seed', '1')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (opts: { actors: string; seed: string; output?: string }) => {
      const { generateCommand } = await import('./generate-command.js');
      code = await generateCommand(Number(opts.actors), Number(opts.seed), opts.output);
    });

  program
    .command('analyse')
    .description(
      'Key-actor metrics of a graph file (GraphML, GEXF, CSV edge list or JSON snapshot), NetworkX conventions',
    )
    .argument('<file>', 'graph file')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .option('--partition <attr>', 'node attribute that partitions the actors (brokerage, E-I)')
    .option('--weight <attr>', 'edge attribute holding tie strength (default: unweighted)')
    .option('--seed <n>', 'seed for Louvain', '42')
    .action(async (file: string, opts: { format: string; partition?: string; weight?: string; seed: string }) => {
      const { analyseCommand } = await import('./analyse.js');
      const args = [file, '--format', opts.format, '--seed', opts.seed];
      if (opts.partition) args.push('--partition', opts.partition);
      if (opts.weight) args.push('--weight', opts.weight);
      code = await analyseCommand(args);
    });

  const user = program.command('user').description('Manage accounts (viewer, editor, admin): add, list, remove, reset');
  user
    .command('add')
    .description('Add a user; asks for the password (or reads it from stdin with --password-stdin)')
    .argument('<name>', 'sign-in name (a-z, 0-9, . _ @ -)')
    .addOption(new Option('--role <role>', 'role').choices(['viewer', 'editor', 'admin']).default('viewer'))
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (name: string, opts: { role: string; passwordStdin?: boolean }) => {
      const { userAdd } = await import('./user-commands.js');
      code = await userAdd(name, opts);
    });
  user
    .command('list')
    .description('List users and roles')
    .option('--json', 'as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { userList } = await import('./user-commands.js');
      code = await userList(opts);
    });
  user
    .command('remove')
    .description('Remove a user with their tokens and sessions')
    .argument('<name>', 'sign-in name')
    .action(async (name: string) => {
      const { userRemove } = await import('./user-commands.js');
      code = await userRemove(name);
    });
  user
    .command('reset')
    .description("Set a new password (ends the user's sessions) and/or a new role")
    .argument('<name>', 'sign-in name')
    .addOption(new Option('--role <role>', 'new role').choices(['viewer', 'editor', 'admin']))
    .option('--keep-password', 'change only the role')
    .option('--password-stdin', 'read the new password from the first line of standard input')
    .action(async (name: string, opts: { role?: string; keepPassword?: boolean; passwordStdin?: boolean }) => {
      const { userReset } = await import('./user-commands.js');
      code = await userReset(name, opts);
    });

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
      const { backupCommand } = await import('./backup-commands.js');
      code = await backupCommand(opts);
    });

  program
    .command('restore')
    .description('Restore a backup into an EMPTY store, exactly (versions, timestamps, authors, history)')
    .argument('<file>', 'backup file')
    .option('--without-accounts', 'do not restore the accounts in the backup')
    .action(async (file: string, opts: { withoutAccounts?: boolean }) => {
      const { restoreCommand } = await import('./backup-commands.js');
      code = await restoreCommand(file, opts);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    const e = err as { code?: string; exitCode?: number };
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    if (typeof e.exitCode === 'number') return e.exitCode === 0 ? 0 : 2;
    console.error(`error: ${(err as Error).message}`);
    return 1;
  }
  return code;
}
