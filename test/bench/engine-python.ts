// The Python the engine bench runs igraph in: the bench venv of test/bench/py/venv.ts when that helper is there,
// else a minimal venv of its own at .bench-venv with python-igraph only (gitignored, made on first use).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED_HELPER = new URL('./py/venv.ts', import.meta.url);

export async function enginePython(): Promise<string> {
  if (existsSync(fileURLToPath(SHARED_HELPER))) {
    const helper = (await import(SHARED_HELPER.href)) as { benchPython: () => string };
    return helper.benchPython();
  }
  const venv = join(ROOT, '.bench-venv');
  const python = join(venv, 'bin', 'python');
  const has = () => spawnSync(python, ['-c', 'import igraph'], { stdio: 'ignore' }).status === 0;
  if (existsSync(python) && has()) return python;
  if (!existsSync(python)) spawnSync(process.env.PYTHON ?? 'python3', ['-m', 'venv', venv], { stdio: 'inherit' });
  spawnSync(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', 'igraph>=0.11,<2'], {
    stdio: 'inherit',
  });
  if (!has()) throw new Error('python-igraph could not be installed into .bench-venv');
  return python;
}
