// Compiles the server and the CLI (TypeScript in core/ and server/) to JavaScript in dist/, so that
// bin/aktorsatlas.js starts without compiling TypeScript first. `node tools/build/build.mjs [--if-stale]`;
// `npm run build`, `npm start` (prestart) and the bin itself (when dist/ is missing or stale) run it.
//
// One esbuild bundle with code splitting (commands load lazily, so `--help` loads only what it lists), packages
// left to node_modules. Two entries: the CLI (server/cli/main.ts) and the worker pool's tasks
// (server/jobs/tasks.ts; server/jobs/worker.mjs loads it when the bin says where). Beside it, `analyse` as one
// CommonJS file with its packages inside (server/cli/analyse.ts; the bin runs it without the command parser,
// through V8's code cache): Node loads one script instead of a dozen modules (resolving packages, CommonJS export
// scans), ~0.05 s less CPU per run. Each build goes to its own folder and dist/current.json is replaced
// atomically, so processes building at once never see half a build.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DIST, MANIFEST, ROOT, entriesOf, freshEntries } from './dist.mjs';

const ENTRIES = { main: 'server/cli/main.ts', tasks: 'server/jobs/tasks.ts' };
const ANALYSE = 'server/cli/analyse.ts';
/** The build's own files: a change to them rebuilds too. */
const TOOL_FILES = ['tools/build/build.mjs', 'tools/build/dist.cjs', 'tools/build/dist.mjs', 'package.json'];
/** Older builds kept (a running server may still load lazy chunks or start workers from its own build). */
const KEEP_BUILDS = 4;
const KEEP_MS = 7 * 24 * 3600 * 1000;

/**
 * Every module keeps its source file's `import.meta.url`, so paths relative to it (package.json, cypher/, the web
 * root, the worker file) resolve as when the sources run directly.
 */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: text.replaceAll('import.meta.url', url), loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js' };
    });
  },
};

function stamp(path) {
  const st = statSync(join(ROOT, path));
  return [st.size, st.mtimeMs];
}

/** Removes builds beyond the newest KEEP_BUILDS that are older than a week; never the current one. */
function prune(current) {
  const builds = readdirSync(DIST)
    .filter((name) => name.startsWith('build-') && name !== current)
    .map((name) => ({ name, mtime: statSync(join(DIST, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const b of builds.slice(KEEP_BUILDS))
    if (Date.now() - b.mtime > KEEP_MS) rmSync(join(DIST, b.name), { recursive: true, force: true });
}

/** Our sources among a build's inputs (packages are not watched), with the build's own files, sorted. */
function sources(metafile) {
  return [...new Set([...Object.keys(metafile.inputs), ...TOOL_FILES])]
    .filter((p) => !p.includes('node_modules'))
    .sort();
}

/** Builds dist/ now; returns the file URLs of the entries. */
export async function build() {
  const { build: esbuild } = await import('esbuild');
  const dir = `build-${Date.now().toString(36)}-${process.pid}`;
  const outdir = join(DIST, dir);
  mkdirSync(outdir, { recursive: true });
  const common = {
    absWorkingDir: ROOT,
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceUrls],
  };
  const [cli, alone] = await Promise.all([
    esbuild({
      ...common,
      entryPoints: ENTRIES,
      splitting: true,
      packages: 'external',
      chunkNames: 'chunks/[name]-[hash]',
    }),
    // CommonJS, so that bin/aktorsatlas.js can run it through V8's code cache (tools/build/code-cache.cjs).
    esbuild({ ...common, entryPoints: { analyse: ANALYSE }, format: 'cjs', outExtension: { '.js': '.cjs' } }),
  ]);
  const inputs = {};
  for (const path of sources(cli.metafile)) inputs[path] = stamp(path);
  const analyseInputs = sources(alone.metafile);
  for (const path of analyseInputs) inputs[path] ??= stamp(path);
  const manifest = {
    dir,
    main: `${dir}/main.js`,
    tasks: `${dir}/tasks.js`,
    analyse: `${dir}/analyse.cjs`,
    inputs,
    analyseInputs,
  };
  const tmp = `${MANIFEST}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(manifest, null, 1));
  renameSync(tmp, MANIFEST);
  prune(dir);
  return entriesOf(manifest);
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && freshEntries()) {
    console.log('dist/ is up to date');
  } else {
    const t = performance.now();
    await build();
    const { main, inputs } = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    const ms = Math.round(performance.now() - t);
    console.log(`built dist/${main} from ${Object.keys(inputs).length} files in ${ms} ms`);
  }
}
