// `npm run bench`: every benchmark, each rewriting its own section of docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { benchCli } from './cli.js';
import { benchPanel } from './panel.js';
import { benchStores } from './stores.js';
import { benchGraphRead } from './graph-read.js';
import { benchResponsiveness } from './responsiveness.js';
import { benchEngine } from './engine.js';
import { machine, writeSection } from './report.js';

const SCRIPTS = [
  ['browser', 'test/bench/browser.ts'],
  ['load', 'test/bench/load.ts'],
] as const;

// `npm run bench -- --list`: names the sections and checks the scripts are there, measuring and writing nothing.
if (process.argv.includes('--list')) {
  const missing = SCRIPTS.filter(([, script]) => !existsSync(script));
  console.log(
    [
      'panel',
      'cli',
      'engine',
      'stores',
      'graph-read',
      'responsiveness',
      ...SCRIPTS.map(([name, script]) => `${name} (${script})`),
    ].join('\n'),
  );
  if (missing.length > 0) console.error(`missing: ${missing.map(([, s]) => s).join(', ')}`);
  process.exit(missing.length > 0 ? 1 : 0);
}

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const t0 = performance.now();
// Only a full run may call itself one: a single section (`npm run bench -- engine`) leaves the line alone.
if (only.length === 0)
  writeSection('machine', `Last full run: ${new Date().toISOString().slice(0, 10)} on ${machine()}.`);
if (want('panel')) writeSection('panel', await benchPanel());
if (want('cli')) writeSection('cli', await benchCli());
if (want('engine')) writeSection('engine', await benchEngine());
if (want('stores')) writeSection('stores', await benchStores());
if (want('graph-read')) writeSection('graph-read', await benchGraphRead());
if (want('responsiveness')) writeSection('responsiveness', await benchResponsiveness());
for (const [name, script] of SCRIPTS) {
  if (!want(name)) continue;
  const r = spawnSync('npx', ['tsx', script], { stdio: 'inherit' });
  if (r.status !== 0) console.error(`bench ${name} failed with exit code ${r.status}`);
}
const minutes = ((performance.now() - t0) / 60000).toFixed(1);
if (only.length === 0)
  writeSection(
    'machine',
    `Last full run: ${new Date().toISOString().slice(0, 10)} on ${machine()}; the whole \`npm run bench\` took ${minutes} min (budget: 15 min).`,
  );
console.log(`bench finished in ${minutes} min`);
