#!/usr/bin/env node
// Runs the compiled CLI and server from dist/ (tools/build), compiling it first when it is missing or older than
// the sources; the TypeScript sources through tsx only if that compile fails (e.g. a read-only install).
import { freshAnalyse, freshEntries } from '../tools/build/dist.mjs';

const argv = process.argv.slice(2);
// `analyse FILE …` runs its own entry without the command parser and the other commands (it parses its own
// flags; `analyse --help` still goes through the full CLI): its start-up is a share of every analysis.
const alone = argv[0] === 'analyse' && !argv.includes('--help') && !argv.includes('-h');

async function compiled() {
  const fresh = alone ? freshAnalyse() : freshEntries();
  if (fresh) return typeof fresh === 'string' ? { analyse: fresh } : fresh;
  try {
    const { build } = await import('../tools/build/build.mjs');
    return await build();
  } catch (err) {
    process.stderr.write(`aktorsatlas: could not compile to dist/ (${err.message}); running the sources through tsx\n`);
    return null;
  }
}

async function run(entries) {
  if (alone) {
    const { analyseCommand } = await import(entries ? entries.analyse : '../server/cli/analyse.ts');
    return analyseCommand(argv.slice(1));
  }
  // The worker pool's threads load the compiled tasks from the same build (server/jobs/worker.mjs).
  if (entries) process.env.AKTORSATLAS_TASKS = entries.tasks;
  const { main } = await import(entries ? entries.main : '../server/cli/main.ts');
  return main(argv);
}

const entries = await compiled();
if (!entries) {
  const { register } = await import('tsx/esm/api');
  register();
}
const code = await run(entries);
if (alone) {
  // Leave as soon as the output is out: the clean-up that follows a normal exit (a garbage collection the panel
  // started, compiler threads, the heap) would add a tenth to the CPU time of a small analysis.
  const flushed = (stream) => new Promise((done) => stream.write('', done));
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}
if (code >= 0) process.exitCode = code;
