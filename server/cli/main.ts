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
    .description('Start the API and the map (SQLite unless NEO4J_URI is set; seeds an empty store with the Jönköping network)')
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
        .choices(['json', 'gexf', 'graphml', 'csv', 'xlsx', 'svg'])
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
    .option('--view <name>', 'gexf, graphml, svg: positions (and colours, sizes) of a saved view')
    .action(
      async (opts: {
        format: string;
        output?: string;
        asOf?: string;
        table?: string;
        lang?: string;
        view?: string;
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
    .description('Key-actor metrics of a graph file (GraphML, GEXF, CSV edge list or JSON snapshot), NetworkX conventions')
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
