// The compiled server and CLI in dist/: where the current build is and whether it still matches the sources.
// Plain JavaScript with only node:fs, so bin/aktorsatlas.js can check it in a millisecond or two before loading
// anything else. tools/build/build.mjs writes the builds.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(ROOT, 'dist');
/** Names the current build and every source file it was made from, with that file's size and mtime. */
export const MANIFEST = join(DIST, 'current.json');

/**
 * @typedef {{ dir: string, main: string, tasks: string, analyse?: string, inputs: Record<string, [number, number]>,
 *   analyseInputs?: string[] }} Manifest
 * dir: the build's folder under dist/; main, tasks, analyse: its entry files (paths relative to dist/); inputs:
 * source path (relative to the root) → [size, mtimeMs]; analyseInputs: the inputs the analyse entry loads.
 */

/** The manifest, or null when there is none or it cannot be read. */
export function readManifest() {
  try {
    return /** @type {Manifest} */ (JSON.parse(readFileSync(MANIFEST, 'utf8')));
  } catch {
    return null;
  }
}

/** True when every source the build was made from (or only those of `paths`) is unchanged (same size and mtime). */
export function isFresh(manifest, paths = Object.keys(manifest.inputs)) {
  for (const path of paths) {
    const recorded = manifest.inputs[path];
    if (!recorded) return false;
    const [size, mtime] = recorded;
    let st;
    try {
      st = statSync(join(ROOT, path));
    } catch {
      return false;
    }
    if (st.size !== size || st.mtimeMs !== mtime) return false;
  }
  return true;
}

const url = (path) => pathToFileURL(join(DIST, path)).href;

/** File URLs of a build's entries (the CLI's main, `analyse` alone and the worker pool's tasks). */
export function entriesOf(manifest) {
  return { main: url(manifest.main), tasks: url(manifest.tasks), analyse: manifest.analyse && url(manifest.analyse) };
}

/** The current build's entries when it matches the sources, else null. */
export function freshEntries() {
  const m = readManifest();
  return m && isFresh(m) ? entriesOf(m) : null;
}

/**
 * The `analyse` entry's URL when the sources it loads are unchanged, else null: `analyse` checks a sixth of the
 * files `freshEntries` does (each stat is CPU time of every run).
 */
export function freshAnalyse() {
  const m = readManifest();
  return m?.analyse && m.analyseInputs && isFresh(m, m.analyseInputs) ? url(m.analyse) : null;
}
