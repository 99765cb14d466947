// `npm run bench`: every benchmark, each rewriting its own section of docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { benchPanel } from './panel.js';
import { benchStores } from './stores.js';
import { benchGraphRead } from './graph-read.js';
import { benchResponsiveness } from './responsiveness.js';
import { machine, writeSection } from './report.js';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const t0 = performance.now();
writeSection('machine', `Last full run: ${new Date().toISOString().slice(0, 10)} on ${machine()}.`);
if (want('panel')) writeSection('panel', await benchPanel());
if (want('stores')) writeSection('stores', await benchStores());
if (want('graph-read')) writeSection('graph-read', await benchGraphRead());
if (want('responsiveness')) writeSection('responsiveness', await benchResponsiveness());
for (const [name, script] of [
  ['browser', 'web/scripts/bench-browser.ts'],
  ['load', 'test/bench/load.ts'],
] as const) {
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
