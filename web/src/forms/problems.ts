/** Shows validation problems (from core/model/validate.ts or the server) next to the fields they concern. */
import { fieldLabel } from '../../../core/model/field-text.js';
import type { Problem } from '../../../core/model/problems.js';
import { h, replace } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';
import type { FieldControl } from './field-input.js';

/** Controls by JSON-pointer path, e.g. "/name", "/props/orgType", "/sources/0/url". */
export type ControlMap = Map<string, FieldControl>;

/** The control a problem belongs to: its own path, else the nearest enclosing one. */
function controlFor(controls: ControlMap, problemPath: string): FieldControl | undefined {
  let path = problemPath;
  let control = controls.get(path);
  while (!control && path.lastIndexOf('/') > 0) {
    path = path.slice(0, path.lastIndexOf('/'));
    control = controls.get(path);
  }
  return control;
}

/**
 * Every problem is shown beside its field (all of a field's problems, not the last one) and listed once in the
 * summary under the field's label, so the count in the summary is the number of messages the user can read.
 */
export function showProblems(problems: Problem[], controls: ControlMap, summary: HTMLElement): void {
  const byControl = new Map<FieldControl, string[]>();
  const listed: { label: string; message: string }[] = [];
  for (const p of problems) {
    const control = controlFor(controls, p.path);
    const message = bi(p.message);
    if (control) byControl.set(control, [...(byControl.get(control) ?? []), message]);
    const name =
      p.path
        .split('/')
        .filter((s) => s !== '' && !/^\d+$/.test(s))
        .pop() ?? '';
    listed.push({ label: control ? bi(control.spec.label) : bi(fieldLabel(name)), message });
  }
  for (const c of controls.values()) c.setError(byControl.get(c)?.join(' ') ?? null);
  if (problems.length === 0) return replace(summary);
  replace(
    summary,
    h('p', { text: t('form.problems', { n: problems.length }) }),
    h(
      'ul',
      { dataset: { testid: 'form-problem-list' } },
      listed.map((p) => h('li', { text: p.message.startsWith(p.label) ? p.message : `${p.label}: ${p.message}` })),
    ),
  );
}
