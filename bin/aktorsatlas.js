#!/usr/bin/env node
// Runs the compiled CLI and server from dist/ (tools/build), compiling it first when it is missing or older than
// the sources; the TypeScript sources through tsx only if that compile fails (e.g. a read-only install).
// CommonJS (bin/package.json): `analyse` then runs without Node's ES-module loader at all.
'use strict';
const { freshAnalyse, freshEntries } = require('../tools/build/dist.cjs');

const argv = process.argv.slice(2);
// `analyse FILE …` runs its own bundle without the command parser and the other commands (it parses its own
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
    const { register } = await import('tsx/esm/api');
    register();
    return null;
  }
}

/** `analyse` from its bundle through V8's code cache (tools/build/code-cache.cjs), or from the sources. */
async function analyse(entries) {
  if (!entries) return (await import('../server/cli/analyse.ts')).analyseCommand(argv.slice(1));
  const { exports: bundle, save } = require('../tools/build/code-cache.cjs').loadCached(entries.analyse);
  const code = await bundle.analyseCommand(argv.slice(1));
  if (code === 0) save();
  return code;
}

// A reader that stops early (`aktorsatlas analyse g.csv | head`) closes the pipe: stop quietly, as Unix tools do,
// instead of crashing with an unhandled EPIPE.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

async function run() {
  const entries = await compiled();
  if (alone) {
    const code = await analyse(entries);
    // Leave as soon as the output is out: the clean-up of a normal exit (a garbage collection the panel started,
    // compiler threads, the heap) adds several per cent to the CPU time of a small analysis.
    // (stderr only after an error: a successful run never wrote to it, and its stream costs a few ms to create).
    const flushed = (stream) => new Promise((done) => stream.write('', done));
    await Promise.all(code === 0 ? [flushed(process.stdout)] : [flushed(process.stdout), flushed(process.stderr)]);
    process.exit(code);
  }
  // The worker pool's threads load the compiled tasks from the same build (server/jobs/worker.mjs).
  if (entries) process.env.AKTORSATLAS_TASKS = entries.tasks;
  const { main } = await import(entries ? entries.main : '../server/cli/main.ts');
  const code = await main(argv);
  if (code >= 0) process.exitCode = code;
}

run();
