// The compiled server and CLI in dist/: where the current build is and whether it still matches the sources.
// Plain CommonJS with only node:fs and node:path, so bin/aktorsatlas.js (CommonJS, see bin/package.json) checks it
// in a millisecond or two before loading anything else; dist.mjs is its face for ES modules and tests.
// tools/build/build.mjs writes the builds.
'use strict';
const { readFileSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { pathToFileURL } = require('node:url');

const ROOT = resolve(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
/** Names the current build and every source file it was made from, with that file's size and mtime. */
const MANIFEST = join(DIST, 'current.json');

/**
 * @typedef {{ dir: string, main: string, tasks: string, analyse?: string, inputs: Record<string, [number, number]>,
 *   analyseInputs?: string[] }} Manifest
 * dir: the build's folder under dist/; main, tasks, analyse: its entry files (paths relative to dist/); inputs:
 * source path (relative to the root) → [size, mtimeMs]; analyseInputs: the inputs the analyse entry loads.
 */

/** The manifest, or null when there is none or it cannot be read. */
function readManifest() {
  try {
    return /** @type {Manifest} */ (JSON.parse(readFileSync(MANIFEST, 'utf8')));
  } catch {
    return null;
  }
}

/** True when every source the build was made from (or only those of `paths`) is unchanged (same size and mtime). */
function isFresh(manifest, paths = Object.keys(manifest.inputs)) {
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

/** A build's entries: file URLs of the CLI's main and the worker pool's tasks, the path of `analyse` alone. */
function entriesOf(manifest) {
  return {
    main: url(manifest.main),
    tasks: url(manifest.tasks),
    analyse: manifest.analyse && join(DIST, manifest.analyse),
  };
}

/** The current build's entries when it matches the sources, else null. */
function freshEntries() {
  const m = readManifest();
  return m && isFresh(m) ? entriesOf(m) : null;
}

/**
 * The `analyse` entry's path when the sources it loads are unchanged, else null: `analyse` checks a sixth of the
 * files `freshEntries` does (each stat is CPU time of every run).
 */
function freshAnalyse() {
  const m = readManifest();
  return m?.analyse && m.analyseInputs && isFresh(m, m.analyseInputs) ? join(DIST, m.analyse) : null;
}

module.exports = { ROOT, DIST, MANIFEST, readManifest, isFresh, entriesOf, freshEntries, freshAnalyse };
