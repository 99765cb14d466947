/**
 * Import (editors): choose or drop a CSV, Excel, GEXF or GraphML file; the server's dry run shows what would be
 * added and changed, or every refused row with its row, column and reason; "Importera" then writes it for real.
 */
import { canEdit } from '../api/session.js';
import { h, replace, uid } from '../dom/h.js';
import { bi, t, tk } from '../i18n/i18n.js';
import { formatOf, uploadImport, type ImportAnswer, type ImportFormat, type ReportRow } from './import-api.js';
import type { Panel } from './panel.js';
import { JobCancelled } from '../api/jobs.js';
import { jobProgress } from './job-progress.js';

/** Internal part names the server reports instead of a sheet or file name. */
const SHEET_TEXT: Record<string, string> = {
  file: tk('import.sheet.file'),
  actors: tk('import.sheet.actors'),
  relations: tk('import.sheet.relations'),
  nodes: tk('import.sheet.nodes'),
  edges: tk('import.sheet.edges'),
};

const sheetName = (s: string) => (SHEET_TEXT[s] ? t(SHEET_TEXT[s]) : s);

function where(r: ReportRow): string {
  const row = r.row === null ? t('import.wholeFile') : t('import.row', { n: r.row });
  return r.column ? t('import.rowColumn', { row, column: r.column }) : row;
}

/** The report as a table: where (sheet when there are several, row, column) and why. */
function reportTable(rows: ReportRow[], caption: string, testid: string): HTMLElement {
  const sheets = new Set(rows.map((r) => r.sheet)).size > 1;
  return h(
    'table',
    { class: 'data import-report', dataset: { testid } },
    h('caption', { text: caption }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        sheets ? h('th', { attrs: { scope: 'col' }, text: t('import.colSheet') }) : null,
        h('th', { attrs: { scope: 'col' }, text: t('import.colWhere') }),
        h('th', { attrs: { scope: 'col' }, text: t('import.colWhy') }),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          { dataset: { row: String(r.row ?? '') } },
          sheets ? h('td', { text: sheetName(r.sheet) }) : null,
          h('td', { text: where(r) }),
          h('td', { text: bi(r.message) }),
        ),
      ),
    ),
  );
}

function counts(a: ImportAnswer): string {
  return t('import.counts', {
    nodesNew: a.nodesCreated,
    nodesChanged: a.nodesUpdated,
    relationsNew: a.relationsCreated,
    relationsChanged: a.relationsUpdated,
  });
}

export function importPanel(done: () => void): Panel {
  const el = h('div', { class: 'import', dataset: { testid: 'import' } });
  const out = h('div', { aria: { live: 'polite' } });
  const progress = jobProgress();
  let file: File | null = null;
  let format: ImportFormat | null = null;

  /** What the result area shows, kept as a function so that a language switch redraws it in the new language. */
  let painter: () => (HTMLElement | null)[] = () => [];
  const show = (paint: () => (HTMLElement | null)[]) => ((painter = paint), replace(out, ...paint()));
  const say = (text: () => string, cls = 'hint') =>
    show(() => [h('p', { class: cls, text: text(), dataset: { testid: 'import-status' } })]);

  const run = async (dryRun: boolean) => {
    if (!file || !format) return;
    say(() => (dryRun ? t('import.checking') : t('import.importing')));
    let result;
    try {
      result = await uploadImport(file, format, dryRun, progress);
    } catch (err) {
      progress.clear();
      if (err instanceof JobCancelled) say(() => t('jobs.cancelled'));
      else say(() => t('error.network'), 'error');
      return;
    }
    if (result.ok) return dryRun ? preview(result.answer) : finished(result.answer);
    const { status, report, problems } = result.refusal;
    const errors = report.filter((r) => r.severity === 'error');
    if (status === 401 || status === 403) return say(() => t('import.editorsOnly'), 'error');
    show(() => [
      h('p', {
        class: 'error',
        text: t('import.refused', { n: errors.length }),
        dataset: { testid: 'import-refused' },
      }),
      errors.length > 0
        ? reportTable(errors, t('import.errorsCaption'), 'import-errors')
        : h(
            'ul',
            { class: 'form-problems' },
            problems.map((p) => h('li', { text: bi(p.message) })),
          ),
    ]);
  };

  const preview = (a: ImportAnswer) => {
    const warnings = a.report ?? [];
    show(() => [
      h('p', { text: t('import.preview'), dataset: { testid: 'import-preview' } }),
      h('p', { text: counts(a), dataset: { testid: 'import-counts' } }),
      warnings.length > 0 ? reportTable(warnings, t('import.warningsCaption'), 'import-warnings') : null,
      h('button', {
        type: 'button',
        class: 'primary',
        text: t('import.confirm'),
        dataset: { testid: 'import-confirm' },
        on: { click: () => void run(false) },
      }),
    ]);
  };

  const finished = (a: ImportAnswer) => {
    show(() => [
      h('p', {
        class: 'success',
        text: t('import.done', { counts: counts(a) }),
        dataset: { testid: 'import-message' },
      }),
    ]);
    file = null;
    done();
  };

  const choose = async (f: File | undefined) => {
    if (!f) return;
    file = f;
    format = await formatOf(f);
    if (!format) return say(() => t('import.unknownFormat', { name: f.name }), 'error');
    await run(true);
  };

  const render = () => {
    if (!canEdit()) {
      replace(el, h('h3', { text: t('import.heading') }), h('p', { class: 'hint', text: t('import.editorsOnly') }));
      return;
    }
    const id = uid('import-file');
    const input = h('input', {
      id,
      type: 'file',
      attrs: { accept: '.csv,.txt,.xlsx,.gexf,.graphml,.xml' },
      dataset: { testid: 'import-file' },
      on: { change: () => void choose(input.files?.[0]) },
    });
    const zone = h(
      'div',
      {
        class: 'drop-zone',
        on: {
          dragover: (ev) => ev.preventDefault(),
          drop: (ev) => {
            ev.preventDefault();
            void choose((ev as DragEvent).dataTransfer?.files[0]);
          },
        },
      },
      h('label', { for: id, text: t('import.choose') }),
      input,
      h('p', { class: 'hint', text: t('import.dropHint') }),
    );
    replace(
      el,
      h('h3', { text: t('import.heading') }),
      h('p', { class: 'hint', text: t('import.intro') }),
      zone,
      progress.el,
      out,
    );
    replace(out, ...painter());
  };

  render();
  return { el, render };
}
