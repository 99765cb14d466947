/**
 * The front end in layers: no import cycle between the folders of web/src (context and api at the bottom;
 * map, forms and panels above them; the app shell on top). Reads every import, `import type` and dynamic
 * import() of web/src, builds the folder graph and finds its strongly connected components.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/server.js';

const WEB = join(REPO_ROOT, 'web', 'src');

/** Folder cycles allowed for now ("a -> b -> a"); empty: none is. */
const ALLOWED: string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(e.name) ? [p] : [];
  });
}

const folderOf = (file: string): string => {
  const parts = relative(WEB, file).split(sep);
  return parts.length > 1 ? parts[0] : '.';
};

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?\sfrom\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** Folder -> folders it imports from, with one example file per edge. */
export function folderGraph(files: string[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    const from = folderOf(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), m[1] ?? m[2]);
      if (relative(WEB, target).startsWith('..')) continue; // core/ and packages are outside the layers
      const to = folderOf(target);
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      graph.get(from)?.set(to, relative(WEB, file));
    }
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one folder. */
export function cycles(graph: Map<string, Map<string, string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v) ?? 0, idx.get(w) ?? 0));
    }
    if (low.get(v) !== idx.get(v)) return;
    const comp: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w !== undefined) comp.push(w);
    } while (w !== undefined && w !== v);
    if (comp.length > 1) out.push(comp.sort());
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('web/src folder layers', () => {
  const graph = folderGraph(sourceFiles(WEB));

  it('reads the imports (the checker sees the known layers)', () => {
    expect(graph.get('app')?.has('panels')).toBe(true);
    expect(graph.get('panels')?.has('context')).toBe(true);
    expect(graph.get('map')?.has('context')).toBe(true);
  });

  it('finds a cycle when there is one (the checker can fail)', () => {
    const g = new Map([
      ['a', new Map([['b', 'a/x.ts']])],
      ['b', new Map([['c', 'b/y.ts']])],
      ['c', new Map([['a', 'c/z.ts']])],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
  });

  it('has no import cycle between folders', () => {
    const found = cycles(graph).map((comp) => {
      const edges = comp.flatMap((a) =>
        [...(graph.get(a) ?? [])].filter(([b]) => comp.includes(b)).map(([b, file]) => `${a} -> ${b} (${file})`),
      );
      return `${comp.join(' <-> ')}: ${edges.join('; ')}`;
    });
    expect(found.filter((c) => !ALLOWED.some((a) => c.startsWith(a)))).toEqual([]);
  });

  it('keeps the app shell on top: no folder imports app/', () => {
    const importers = [...graph].filter(([from, tos]) => from !== '.' && tos.has('app')).map(([from]) => from);
    expect(importers).toEqual([]);
  });
});
