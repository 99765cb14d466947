// Runs a reference library's panel script (NetworkX, igraph, networkit) on the bench's graph file in the bench venv.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchPython } from './venv.js';

export type Library = 'networkx' | 'igraph' | 'networkit';

/** One library's run: per timed block wall and CPU seconds, totals, and blocks it has no function for. */
export interface PyRun {
  seconds: Record<string, number>;
  cpu: Record<string, number>;
  total: number;
  totalCpu: number;
  missing?: string[];
}

const SCRIPTS: Record<Library, string> = {
  networkx: fileURLToPath(new URL('../networkx-panel.py', import.meta.url)),
  igraph: fileURLToPath(new URL('./igraph-panel.py', import.meta.url)),
  networkit: fileURLToPath(new URL('./networkit-panel.py', import.meta.url)),
};

/** Runs the library's script with these arguments (after the script); a string says why it failed. */
export function runLibrary(lib: Library, args: string[]): Promise<PyRun | string> {
  return new Promise((resolve) => {
    const child = spawn(benchPython(), [SCRIPTS[lib], ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', (e) => resolve(`failed (${e.message})`));
    child.on('close', (code, signal) => {
      if (code !== 0) return resolve(`failed (exit ${code ?? signal})`);
      resolve(JSON.parse(stdout) as PyRun);
    });
  });
}
