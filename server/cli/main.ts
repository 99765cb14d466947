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
    .addOption(new Option('--format <format>', 'output format').choices(['json']).default('json'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--as-of <date>', 'only relations valid on this date (YYYY-MM-DD)')
    .action(async (opts: { format: string; output?: string; asOf?: string }) => {
      const { exportCommand } = await import('./data-commands.js');
      code = await exportCommand(opts.format, opts.output, opts.asOf);
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
