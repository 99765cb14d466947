// The bench's Python: a venv at .bench-venv (gitignored) with NetworkX, igraph and networkit from PyPI, made on
// first use and refreshed when requirements.txt changes. `npx tsx test/bench/py/venv.ts` prints its python path.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '..', '..', '..');
export const VENV_DIR = join(ROOT, '.bench-venv');
const REQUIREMENTS = join(HERE, 'requirements.txt');
/** Copy of the requirements the venv was last installed from: a change reinstalls. */
const STAMP = join(VENV_DIR, '.installed-requirements.txt');

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** The venv's python, after making or updating the venv when needed (pip output goes to the terminal). */
export function benchPython(): string {
  const python = join(VENV_DIR, 'bin', 'python');
  const wanted = readFileSync(REQUIREMENTS, 'utf8');
  if (existsSync(python) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted) return python;
  console.log(`[py] preparing ${VENV_DIR} (networkx, igraph, networkit from PyPI)…`);
  if (!existsSync(python)) run(process.env.PYTHON ?? 'python3', ['-m', 'venv', VENV_DIR]);
  run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', REQUIREMENTS]);
  writeFileSync(STAMP, wanted);
  return python;
}

/** Versions of the reference libraries in the venv, e.g. "NetworkX 3.6.1, igraph 1.0.0, networkit 11.2.2". */
export function libraryVersions(python = benchPython()): string {
  const code =
    'import networkx, igraph, networkit; print(f"NetworkX {networkx.__version__}, python-igraph {igraph.__version__}, networkit {networkit.__version__}")';
  const r = spawnSync(python, ['-c', code], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'versions unknown';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const python = benchPython();
  console.log(python);
  console.log(libraryVersions(python));
}
