#!/usr/bin/env node
// Runs the compiled CLI and server from dist/ (tools/build), compiling it first when it is missing or older than
// the sources; the TypeScript sources through tsx only if that compile fails (e.g. a read-only install).
import { freshEntries } from '../tools/build/dist.mjs';

async function compiled() {
  const fresh = freshEntries();
  if (fresh) return fresh;
  try {
    const { build } = await import('../tools/build/build.mjs');
    return await build();
  } catch (err) {
    process.stderr.write(`aktorsatlas: could not compile to dist/ (${err.message}); running the sources through tsx\n`);
    return null;
  }
}

const entries = await compiled();
let main;
if (entries) {
  // The worker pool's threads load the compiled tasks from the same build (server/jobs/worker.mjs).
  process.env.AKTORSATLAS_TASKS = entries.tasks;
  ({ main } = await import(entries.main));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../server/cli/main.ts'));
}
const code = await main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
