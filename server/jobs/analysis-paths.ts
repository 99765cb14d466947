import { compactGraph } from '../../core/analysis/compact.js';
import { shareGraph, type SharedPathGraph } from '../../core/analysis/kernel/parallel.js';
import { checkLimits } from '../../core/analysis/panel.js';
import { graphFingerprint, panelComponents, panelPathsExact } from '../../core/analysis/panel-paths.js';
import { analysisGraph, type AnalysisInput } from '../routes/analysis.js';

/** The analysis graph in shared memory, for the path slices, with the fingerprint the panel checks. */
export interface SharedAnalysisGraph {
  graph: SharedPathGraph;
  fingerprint: string;
}

/**
 * In a worker: the compact graph the panel will run on, packed for the `pathSlices` tasks, when its path pass is
 * the exact one and the graph has at least `minActors` nodes; null otherwise (sampled or guaranteed modes, small
 * graphs, or a metric over its limit, whose error the analysis task itself then reports).
 */
export function analysisPathGraph(input: AnalysisInput & { minActors: number }): SharedAnalysisGraph | null {
  const { graph, limits, weightAttr } = analysisGraph(input);
  const g = compactGraph(graph, { weight: weightAttr });
  if (g.n < input.minActors || !panelPathsExact(g, input.params.samples)) return null;
  try {
    checkLimits(g, limits);
  } catch {
    return null;
  }
  const { pathComponents, lcc } = panelComponents(g);
  return {
    graph: shareGraph(g, { componentOf: pathComponents.of, component: lcc }),
    fingerprint: graphFingerprint(g),
  };
}
