import { Command, Option } from 'commander';
import { DEFAULT_PANEL_OPTIONS } from '../../../core/analysis/registry.js';
import type { SetExitCode } from './exit-code.js';

/** `report`, `import-file`, `generate` and `analyse`: files written or read without the API. */
export function registerFileCommands(program: Command, setCode: SetExitCode): void {
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
      const { reportCommand } = await import('../exchange-commands.js');
      setCode(await reportCommand(opts));
    });

  registerImportFile(program, setCode);

  program
    .command('generate')
    .description('Write a synthetic competence-supply network (deterministic for a seed) as a JSON batch')
    .requiredOption('--actors <n>', 'number of organisations (e.g. 1000, 10000, 100000)')
    .option('--seed <n>', 'random seed', '1')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (opts: { actors: string; seed: string; output?: string }) => {
      const { generateCommand } = await import('../generate-command.js');
      setCode(await generateCommand(Number(opts.actors), Number(opts.seed), opts.output));
    });

  registerAnalyse(program, setCode);
}

/** `import-file`: CSV, XLSX, GEXF, GraphML or JSON with a validation report. */
function registerImportFile(program: Command, setCode: SetExitCode): void {
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
      const { importFileCommand } = await import('../exchange-commands.js');
      setCode(await importFileCommand(files, opts));
    });
}

/** `analyse`: key-actor metrics of a graph file, passed on as the analyse tool's own arguments. */
function registerAnalyse(program: Command, setCode: SetExitCode): void {
  program
    .command('analyse')
    .description(
      'Key-actor metrics of a graph file (GraphML, GEXF, CSV edge list or JSON snapshot), NetworkX conventions',
    )
    .argument('<file>', 'graph file')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .option('--partition <attr>', 'node attribute that partitions the actors (brokerage, E-I)')
    .option('--weight <attr>', 'edge attribute holding tie strength (default: unweighted)')
    .option('--seed <n>', 'seed for Louvain', String(DEFAULT_PANEL_OPTIONS.seed))
    .action(async (file: string, opts: { format: string; partition?: string; weight?: string; seed: string }) => {
      const { analyseCommand } = await import('../analyse.js');
      const args = [file, '--format', opts.format, '--seed', opts.seed];
      if (opts.partition) args.push('--partition', opts.partition);
      if (opts.weight) args.push('--weight', opts.weight);
      setCode(await analyseCommand(args));
    });
}
