export { asRecorded, recordedInstant, type RecordedChange } from './as-recorded.js';
export {
  diffGraphs,
  diffMap,
  diffSnapshots,
  keyMetrics,
  rankChanges,
  RANK_METRICS,
  type ChangeMark,
  type FieldChange,
  type GraphDiff,
  type RankChange,
  type RankMetric,
  type SnapshotDiff,
} from './diff.js';
export { diffMarkdown } from './diff-report.js';
