#!/usr/bin/env node
// Builds the front end (vite build) when web/dist/index.html is missing or older than any source it is built
// from: web/src, web/index.html, web/survey.html, web/vite.config.ts and core/. Used by `npm start` (prestart) and the e2e tests.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const output = join(root, 'web', 'dist', 'index.html');
const inputs = [
  join(root, 'web', 'src'),
  join(root, 'web', 'index.html'),
  join(root, 'web', 'survey.html'),
  join(root, 'web', 'vite.config.ts'),
  join(root, 'core'),
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

export function needsBuild() {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((p) => newest(p) > built);
}

export function buildWeb() {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(root, 'web', 'vite.config.ts'), '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error(`vite build failed with code ${r.status}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  if (force || needsBuild()) {
    console.log('aktorsatlas: building the front end (web/dist) …');
    try {
      buildWeb();
    } catch (err) {
      console.error(`aktorsatlas: ${err.message}`);
      process.exit(1);
    }
  } else {
    console.log('aktorsatlas: front end is up to date (web/dist)');
  }
}
