import type { ExportFormat, ExportResult } from '../../core/exchange/export.js';
import type { Snapshot } from '../../core/model/records.js';
import { AnalysisError } from '../../core/analysis/errors.js';
import { exportFile, type ExportFileOptions } from '../render/export-file.js';
import { visibleSnapshot } from '../../core/render/visible.js';
import { noFilters } from '../../core/graph/view-filters.js';
import { problemFromExchange } from '../routes/exchange.js';
import { ApiProblem } from '../problems.js';

/** The largest map an SVG, PNG or PDF export draws; decided from sizes before any drawing. */
export const MAP_LIMITS = { nodes: 5_000, relations: 25_000 } as const;
const MAP_FORMATS = new Set<ExportFormat>(['svg', 'png', 'pdf']);

/**
 * Refuses, before the work, a map larger than MAP_LIMITS (413 map_too_large, saying what to filter). The counts are of
 * what the view shows (its filters applied).
 */
export function checkMapSize(format: ExportFormat, shown: { nodes: number; relations: number }): void {
  if (!MAP_FORMATS.has(format)) return;
  if (shown.nodes <= MAP_LIMITS.nodes && shown.relations <= MAP_LIMITS.relations) return;
  const what = `${shown.nodes} noder och ${shown.relations} relationer`;
  throw new ApiProblem(
    413,
    'map_too_large',
    `The map would draw ${shown.nodes} nodes and ${shown.relations} relations; an SVG, PNG or PDF draws at most ${MAP_LIMITS.nodes} nodes and ${MAP_LIMITS.relations} relations. Filter the view (kinds, municipalities, sectors, relation types, a date or a focus) or export the data as XLSX, CSV, GEXF or GraphML.`,
    [
      {
        path: '/querystring/format',
        code: 'map_too_large',
        message: {
          sv: `Kartan skulle rita ${what}; en SVG-, PNG- eller PDF-export ritar högst ${MAP_LIMITS.nodes} noder och ${MAP_LIMITS.relations} relationer. Filtrera vyn (typer, kommuner, sektorer, relationstyper, datum eller fokus) eller exportera data som XLSX, CSV, GEXF eller GraphML.`,
          en: `The map would draw ${shown.nodes} nodes and ${shown.relations} relations; an SVG, PNG or PDF export draws at most ${MAP_LIMITS.nodes} nodes and ${MAP_LIMITS.relations} relations. Filter the view (kinds, municipalities, sectors, relation types, a date or a focus) or export the data as XLSX, CSV, GEXF or GraphML.`,
        },
      },
    ],
    { limit: MAP_LIMITS },
  );
}

/** In a worker thread: how much of the snapshot the view shows (the export's size, decided before drawing). */
export function exportSize(input: { snapshot: Snapshot; view: ExportFileOptions['view'] }): {
  nodes: number;
  relations: number;
} {
  const shown = visibleSnapshot(input.snapshot, input.view?.state?.filters ?? noFilters());
  return { nodes: shown.nodes.length, relations: shown.relations.length };
}

/** One export in a worker thread: the file, or a problem (413 for a graph the report's analysis refuses). */
export async function exportAnswer(input: {
  format: ExportFormat;
  snapshot: Snapshot;
  options: ExportFileOptions;
}): Promise<ExportResult> {
  try {
    return await exportFile(input.format, input.snapshot, input.options);
  } catch (err) {
    if (err instanceof AnalysisError && err.code === 'graph_too_large')
      throw new ApiProblem(413, 'graph_too_large', `The report's analysis refused the graph: ${err.message}`);
    throw problemFromExchange(err, 'export');
  }
}
