/** Shows validation problems (from core/model/validate.ts or the server) next to the fields they concern. */
import type { Problem } from '../../../core/model/problems.js';
import { h, replace } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';
import type { FieldControl } from './field-input.js';

/** Controls by JSON-pointer path, e.g. "/name", "/props/orgType", "/sources/0/url". */
export type ControlMap = Map<string, FieldControl>;

export function showProblems(problems: Problem[], controls: ControlMap, summary: HTMLElement): void {
  for (const c of controls.values()) c.setError(null);
  const unplaced: Problem[] = [];
  for (const p of problems) {
    let path = p.path;
    let control = controls.get(path);
    while (!control && path.lastIndexOf('/') > 0) {
      path = path.slice(0, path.lastIndexOf('/'));
      control = controls.get(path);
    }
    if (control) control.setError(bi(p.message));
    else unplaced.push(p);
  }
  if (problems.length === 0) return replace(summary);
  replace(
    summary,
    h('p', { text: t('form.problems', { n: problems.length }) }),
    unplaced.length > 0
      ? h(
          'ul',
          {},
          unplaced.map((p) => h('li', { text: `${p.path || '/'}: ${bi(p.message)}` })),
        )
      : null,
  );
}
