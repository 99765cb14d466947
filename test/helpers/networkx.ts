import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs test/helpers/oracle.py: NetworkX 3.x computes the reference values in the same test run. */

export interface OracleInput {
  directed: boolean;
  weighted: boolean;
  nodes: string[];
  /** [source, target] or [source, target, strength]. */
  edges: Array<[string, string] | [string, string, number]>;
  communities?: string[][];
  resolution?: number;
  partition?: Record<string, string>;
}

export interface OracleNode {
  degree: number;
  inDegree: number;
  outDegree: number;
  strength: number;
  degreeCentrality: number;
  betweenness: number;
  betweennessRaw: number;
  closeness: number;
  harmonic: number;
  eigenvector: number | null;
  pagerank: number;
  coreNumber: number;
  clustering: number;
  constraint: number | null;
  effectiveSize: number | null;
  efficiency: number | null;
  hierarchy: number | null;
  removal: {
    componentsAfter: number;
    deltaComponents: number;
    fragmentationAfter: number | null;
    deltaFragmentation: number | null;
  };
}

export interface OracleResult {
  nodes: Record<string, OracleNode>;
  graph: {
    nodes: number;
    edges: number;
    density: number;
    components: number;
    largestComponentSize: number;
    diameter: number | null;
    averagePathLength: number | null;
    degreeCentralisation: number | null;
    fragmentation: number | null;
  };
  articulationPoints: string[];
  bridges: Array<[string, string]>;
  modularity?: number;
  groups?: { names: string[]; density: (number | null)[][]; ei: (number | null)[]; globalEI: number | null };
  haveScipy: boolean;
}

const ORACLE = fileURLToPath(new URL('./oracle.py', import.meta.url));

export function networkx(input: OracleInput): OracleResult {
  const out = execFileSync('python3', [ORACLE], {
    input: JSON.stringify(input),
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  return JSON.parse(out) as OracleResult;
}

/** Several graphs in one Python process (saves the interpreter and NetworkX start-up per graph). */
export function networkxBatch(inputs: OracleInput[]): OracleResult[] {
  const out = execFileSync('python3', [ORACLE], {
    input: JSON.stringify(inputs),
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  return JSON.parse(out) as OracleResult[];
}
