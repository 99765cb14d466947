// Types of dist.mjs (plain JavaScript, so the bin can load it without compiling anything).
export interface Manifest {
  /** The build's folder under dist/. */
  dir: string;
  /** Entry files, relative to dist/: the CLI's main, the worker pool's tasks and `analyse` alone. */
  main: string;
  tasks: string;
  analyse?: string;
  /** Source path (relative to the root) → [size, mtimeMs] when the build was made. */
  inputs: Record<string, [number, number]>;
  /** The inputs the analyse entry loads (keys of `inputs`). */
  analyseInputs?: string[];
}
export const ROOT: string;
export const DIST: string;
export const MANIFEST: string;
export function readManifest(): Manifest | null;
/** File URLs of the CLI's main and the worker pool's tasks; the file path of `analyse` alone. */
export interface Entries {
  main: string;
  tasks: string;
  analyse: string | undefined;
}
export function isFresh(manifest: Manifest, paths?: string[]): boolean;
export function entriesOf(manifest: Manifest): Entries;
export function freshEntries(): Entries | null;
export function freshAnalyse(): string | null;
