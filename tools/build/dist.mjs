// The ES-module face of dist.cjs (where the current build is and whether it matches the sources): build.mjs and
// the tests import it from here; the bin requires dist.cjs directly.
export { ROOT, DIST, MANIFEST, readManifest, isFresh, entriesOf, freshEntries, freshAnalyse } from './dist.cjs';
