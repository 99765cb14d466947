// The analysis kernel compiled to WebAssembly (AssemblyScript): the unweighted shortest-path pass and Louvain.
export { alloc, heapBase, mark, release, reset } from './memory';
export { pathInit, pathRange } from './paths';

export { louvainRun } from './louvain';
