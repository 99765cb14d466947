import { Command, Option } from 'commander';
import type { SetExitCode } from './exit-code.js';

interface ExportOpts {
  format: string;
  output?: string;
  asOf?: string;
  table?: string;
  lang?: string;
  view?: string;
  scale?: string;
  width?: string;
  height?: string;
}

/** `serve`, `seed`, `import` and `export`: the store and its data. Modules load lazily so `--help` stays fast. */
export function registerDataCommands(program: Command, setCode: SetExitCode): void {
  program
    .command('serve')
    .description(
      'Start the API and the map (SQLite unless NEO4J_URI is set; seeds an empty store with the Jönköping network)',
    )
    .option('--port <port>', 'port (default: PORT or 3000)')
    .option('--host <host>', 'address to bind (default: HOST or 127.0.0.1)')
    .option('--no-seed', 'do not seed an empty store')
    .action(async (opts: { port?: string; host?: string; seed?: boolean }) => {
      const { serve } = await import('../serve.js');
      setCode(await serve(opts));
    });

  program
    .command('seed')
    .description('Load the Jönköpings län network into an empty store (does nothing if the store holds data)')
    .action(async () => {
      const { seedCommand } = await import('../data-commands.js');
      setCode(await seedCommand());
    });

  program
    .command('import')
    .description('Import a JSON batch ({nodes, relations}) or a snapshot file, all-or-nothing')
    .argument('<file>', 'JSON file')
    .action(async (file: string) => {
      const { importCommand } = await import('../data-commands.js');
      setCode(await importCommand(file));
    });

  registerExport(program, setCode);
}

/** `export`: the JSON snapshot from the store, every other format through the exchange commands. */
function registerExport(program: Command, setCode: SetExitCode): void {
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
    .action(async (opts: ExportOpts) => {
      if (opts.format === 'json') {
        const { exportCommand } = await import('../data-commands.js');
        setCode(await exportCommand(opts.format, opts.output, opts.asOf));
      } else {
        const { exportFileCommand } = await import('../exchange-commands.js');
        setCode(await exportFileCommand(opts.format, opts));
      }
    });
}
