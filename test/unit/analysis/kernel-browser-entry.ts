// Bundled for a browser Web Worker by kernel-browser.test.ts: runs the path pass and Louvain on both kernels with
// the kernel loaded exactly as the analysis worker loads it (the generated module, compiled in the worker).
import { UndirectedGraph } from 'graphology';
import { compactGraph } from '../../../core/analysis/compact.js';
import { shortestPathMetrics } from '../../../core/analysis/centrality/paths.js';
import { louvainCommunities } from '../../../core/analysis/communities.js';
import { kernelInstance } from '../../../core/analysis/kernel/wasm.js';

interface Scope {
  postMessage(message: unknown): void;
  addEventListener(
    type: 'message',
    listener: (ev: { data: { n: number; edges: Array<[number, number]> } }) => void,
  ): void;
}
const scope = self as unknown as Scope;

scope.addEventListener('message', (ev) => {
  const graph = new UndirectedGraph();
  for (let i = 0; i < ev.data.n; i++) graph.addNode(String(i));
  for (const [a, b] of ev.data.edges) graph.addEdge(String(a), String(b));
  const g = compactGraph(graph);
  const wasm = shortestPathMetrics(g, { kernel: 'wasm' });
  const louvain = louvainCommunities(g, { seed: 42, kernel: 'wasm' });
  scope.postMessage({
    loaded: kernelInstance() !== null,
    betweenness: Array.from(wasm.betweenness),
    harmonic: Array.from(wasm.harmonic),
    closeness: Array.from(wasm.closeness),
    labels: Array.from(louvain.labels),
    modularity: louvain.modularity,
  });
});
