/**
 * The upload behind the import screen: one file as multipart/form-data to POST /api/import (dry run or for real),
 * with the session's CSRF token. A refused import answers problem+json with the report by row and column. A large
 * file becomes a job on the server: `watcher` hears its progress, and the answer is the job's result.
 */
import { currentSession } from '../api/session.js';
import { answerOf, PREFER_JOB_WHEN_LONG, type JobWatcher } from '../api/jobs.js';

export type ImportFormat = 'csv' | 'xlsx' | 'gexf' | 'graphml';

export interface ReportRow {
  severity: 'error' | 'warning';
  sheet: string;
  row: number | null;
  column: string | null;
  code: string;
  message: { sv: string; en: string };
}

export interface ImportAnswer {
  dryRun: boolean;
  nodesCreated: number;
  nodesUpdated: number;
  relationsCreated: number;
  relationsUpdated: number;
  report?: ReportRow[];
}

/** A refused import (status, the report rows, and the problems when there is no report). */
export interface ImportRefusal {
  status: number;
  report: ReportRow[];
  problems: { message: { sv: string; en: string } }[];
}

export type ImportResult = { ok: true; answer: ImportAnswer } | { ok: false; refusal: ImportRefusal };

/** The format from the file name; an .xml file is GEXF when it says so near its start, else GraphML. */
export async function formatOf(file: File): Promise<ImportFormat | null> {
  const ext = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx' || ext === 'gexf' || ext === 'graphml') return ext;
  if (ext !== 'xml') return null;
  const head = await file.slice(0, 2000).text();
  return /<gexf\b/.test(head) ? 'gexf' : 'graphml';
}

export async function uploadImport(
  file: File,
  format: ImportFormat,
  dryRun: boolean,
  watcher: JobWatcher,
): Promise<ImportResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json', prefer: PREFER_JOB_WHEN_LONG };
  const token = currentSession().csrfToken;
  if (token) headers['x-csrf-token'] = token;
  const first = await fetch(`/api/import?format=${format}&dryRun=${String(dryRun)}`, {
    method: 'POST',
    body,
    headers,
    credentials: 'same-origin',
  });
  const res = await answerOf(first, watcher);
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  if (res.ok) return { ok: true, answer: data as ImportAnswer };
  const d = (data ?? {}) as Partial<ImportRefusal>;
  return { ok: false, refusal: { status: res.status, report: d.report ?? [], problems: d.problems ?? [] } };
}
