/**
 * No import cycle between the folders of web/src (issue 17): the app is built in floors, and a folder may only
 * import folders below it. Every import counts, type-only ones and worker entry points (`new URL(…,
 * import.meta.url)`) included, because a cycle of types is still a cycle of concepts.
 *
 * ALLOWED_TODAY lists the folder imports that close a cycle in the current code. It may only shrink: an entry that
 * no longer closes a cycle fails the test, so it is deleted when the layering work (helper G) removes it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const WEB_SRC = resolve(import.meta.dirname, '../../web/src');

const ALLOWED_TODAY: readonly string[] = [];

type Graph = Map<string, Set<string>>;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/** The top folder under web/src ('.' for files such as main.ts that sit in web/src itself). */
const folderOf = (file: string): string => {
  const parts = relative(WEB_SRC, file).split(sep);
  return parts.length > 1 ? parts[0] : '.';
};

function specifiers(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  const workers = [...text.matchAll(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g)].map((m) => m[1]);
  return [...info.importedFiles.map((f) => f.fileName), ...workers];
}

function folderGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles(WEB_SRC)) {
    const from = folderOf(file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      if (relative(WEB_SRC, target).startsWith('..')) continue;
      const to = folderOf(target);
      if (to !== from) (graph.get(from) ?? graph.set(from, new Set()).get(from)!).add(to);
    }
  }
  return graph;
}

/** One cycle as a path of folders (first = last), or undefined when the graph has none. */
function findCycle(graph: Graph): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

const reaches = (graph: Graph, from: string, to: string): boolean => {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === to) return true;
    if (seen.has(node)) continue;
    seen.add(node);
    stack.push(...(graph.get(node) ?? []));
  }
  return false;
};

const edge = (text: string): [string, string] => text.split(' -> ') as [string, string];

describe('web/src folder imports', () => {
  const graph = folderGraph();

  it('reads the imports of the front end', () => {
    expect(graph.get('.')?.size ?? 0).toBeGreaterThan(0);
  });

  it('have no cycle beyond the allowed ones', () => {
    const pruned: Graph = new Map([...graph].map(([k, v]) => [k, new Set(v)]));
    for (const [from, to] of ALLOWED_TODAY.map(edge)) pruned.get(from)?.delete(to);
    expect(findCycle(pruned)?.join(' -> ')).toBeUndefined();
  });

  it('allow only imports that still close a cycle (the list shrinks)', () => {
    const stale = ALLOWED_TODAY.filter((text) => {
      const [from, to] = edge(text);
      return !graph.get(from)?.has(to) || !reaches(graph, to, from);
    });
    expect(stale).toEqual([]);
  });

  it('keep the app shell on top: no folder imports app/ (panels, forms and the map get callbacks)', () => {
    const importers = [...graph].filter(([from, to]) => from !== '.' && to.has('app')).map(([from]) => from);
    expect(importers).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const cyclic: Graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(cyclic)).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', new Set(['b'])]]))).toBeUndefined();
  });
});
