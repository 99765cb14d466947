// Runs a CommonJS bundle through V8's code cache, kept beside it (`<file>.v8cache`): the functions a run compiled
// (parsed to bytecode) are stored after a successful run and reused by the next, as Node ≥ 22.1's
// module.enableCompileCache() does for modules; Node 20 has only vm.Script's cachedData. V8 rejects a cache made
// by another V8 version, other flags or other source, and the next success replaces it.
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');

function readOrUndefined(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Evaluates the bundle at `file` (a path) and returns its exports, with `save()` to call after a successful run:
 * it writes the cache when there was none or V8 refused it (atomically; a read-only install just goes without).
 */
function loadCached(file) {
  const cacheFile = `${file}.v8cache`;
  const cachedData = readOrUndefined(cacheFile);
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const save = () => {
    if (cachedData && !script.cachedDataRejected) return;
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // No cache this time.
    }
  };
  return { exports: module.exports, save };
}

module.exports = { loadCached };
