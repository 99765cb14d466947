/** The analysis engine: pure TypeScript, no I/O, runs in Node and in a browser Web Worker. */
export { AnalysisError, type AnalysisErrorCode, type RunControl } from './errors.js';
export { compactGraph, type CompactGraph, type CompactOptions } from './compact.js';
export { METRICS, metricDescriptor, type MetricDescriptor, type WeightMeaning } from './registry.js';
export {
  runPanel,
  finiteOrNull,
  type PanelOptions,
  type PanelResult,
  type NodeMetrics,
  type GraphMetrics,
} from './panel.js';
export { louvainCommunities, type CommunityOptions, type CommunityResult } from './communities.js';
export { modularity } from './modularity.js';
export { groupStructure, partitionByAttribute, singleGroup, type Partition, type GroupStructure } from './groups.js';
export { BROKERAGE_ROLES, type BrokerageRole } from './brokerage.js';
export { mulberry32 } from './rng.js';
