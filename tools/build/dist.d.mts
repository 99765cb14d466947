// Types of dist.mjs (plain JavaScript, so the bin can load it without compiling anything).
export interface Manifest {
  /** The build's folder under dist/. */
  dir: string;
  /** Entry files, relative to dist/: the CLI's main and the worker pool's tasks. */
  main: string;
  tasks: string;
  /** Source path (relative to the root) → [size, mtimeMs] when the build was made. */
  inputs: Record<string, [number, number]>;
}
export const ROOT: string;
export const DIST: string;
export const MANIFEST: string;
export function readManifest(): Manifest | null;
export function isFresh(manifest: Manifest): boolean;
export function entriesOf(manifest: Manifest): { main: string; tasks: string };
export function freshEntries(): { main: string; tasks: string } | null;
