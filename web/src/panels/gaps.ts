/**
 * Coordination gaps: the findings of GET /api/gaps with their explanations. Clicking a finding focuses the map
 * on the actors involved and draws the missing ties; a finding can become an action-plan item. When the
 * endpoint is not there (404) the panel says so plainly.
 */
import { ACTION_STATUS } from '../../../core/model/catalogue/node-kinds.js';
import { relationKind } from '../../../core/model/catalogue/relation-kinds.js';
import { ApiError, api } from '../api/client.js';
import type { GapFinding, GapKindInfo, SummaryItem } from '../api/types.js';
import type { AppContext } from '../context/context.js';
import { labelOf } from '../context/items.js';
import { canEdit } from '../api/session.js';
import { jobJson } from '../api/jobs.js';
import { jobProgress } from './job-progress.js';
import { h, replace } from '../dom/h.js';
import { bi, t, tk } from '../i18n/i18n.js';
import { completenessPanel } from './completeness.js';
import type { Panel } from './panel.js';

const LEVEL_KEYS = { high: tk('gaps.level.high'), medium: tk('gaps.level.medium'), low: tk('gaps.level.low') };

export interface GapActions {
  show: (finding: GapFinding | null) => void;
  toAction: (finding: GapFinding) => void;
}

const SEVERITY: Record<string, string> = {
  high: tk('gaps.sevHigh'),
  medium: tk('gaps.sevMedium'),
  low: tk('gaps.sevLow'),
};
const severityText = (s: string | number): string =>
  SEVERITY[String(s)] ? t(SEVERITY[String(s)]) : t('gaps.severity', { s: String(s) });

type GapState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'error'; message: string }
  | { status: 'ok'; findings: GapFinding[]; kinds: GapKindInfo[]; summary: SummaryItem[] };

export interface GapsPanel extends Panel {
  /** Loads the findings the first time the panel is opened. */
  open(): void;
}

/** The action-plan item made from a finding (an Action node whose gapKey is the finding's id), if any. */
function actionFor(ctx: AppContext, findingId: string): { name: string; status: string } | null {
  const g = ctx.graph;
  if (!g) return null;
  const id = g.findNode((_n, a) => a.kind === 'Action' && a.gapKey === findingId);
  if (!id) return null;
  const a = g.getNodeAttributes(id);
  const status = ACTION_STATUS.find((o) => o.value === a.status);
  return { name: labelOf(ctx, id), status: status ? bi(status.label) : t('value.missing') };
}

export function gapsPanel(ctx: AppContext, actions: GapActions): GapsPanel {
  const el = h('div', { class: 'gaps', dataset: { testid: 'gaps' } });
  let state: GapState = { status: 'loading' };
  const progress = jobProgress();
  let loaded = false;
  let robustOnly = false;
  const completeness = completenessPanel();
  const registerBox = h(
    'details',
    { class: 'gap-group', dataset: { testid: 'gaps-completeness' } },
    h('summary', { text: t('completeness.heading') }),
    completeness.el,
  );
  registerBox.addEventListener('toggle', () => registerBox.open && completeness.open());
  const openRegister = () => {
    registerBox.open = true;
    completeness.open();
    registerBox.scrollIntoView({ block: 'nearest' });
  };

  const load = async () => {
    loaded = true;
    state = { status: 'loading' };
    render();
    try {
      // On a large network the server computes the gaps as a job; its progress shows while loading.
      const res = await jobJson<Awaited<ReturnType<typeof api.gaps>>>('/api/gaps', progress);
      state = {
        status: 'ok',
        findings: Array.isArray(res?.findings) ? res.findings : [],
        kinds: Array.isArray(res?.gapKinds) ? res.gapKinds : [],
        summary: Array.isArray(res?.summary) ? res.summary : [],
      };
    } catch (err) {
      state =
        err instanceof ApiError && err.status === 404
          ? { status: 'unavailable' }
          : { status: 'error', message: (err as Error).message };
    }
    document.body.dataset.gaps = state.status;
    render();
  };

  const finding = (f: GapFinding) => {
    const current = ctx.finding?.id === f.id;
    const ties = f.missingTies ?? [];
    const handled = actionFor(ctx, f.id);
    return h(
      'li',
      { class: `finding${current ? ' current' : ''}`, dataset: { finding: f.id } },
      h(
        'h4',
        {},
        h('span', { text: bi(f.title) }),
        h('span', { class: `badge sev-${String(f.severity)}`, text: severityText(f.severity) }),
      ),
      h(
        'p',
        { class: 'hint', dataset: { testid: `gap-basis-${f.id}` } },
        f.basis === 'absent' ? t('gaps.basisAbsent') : t('gaps.basisObserved'),
        ' · ',
        t('gaps.confidence', { c: t(LEVEL_KEYS[f.confidence]) }),
        f.robust ? ` · ${t('gaps.robust')}` : '',
      ),
      h('p', { text: bi(f.explanation) }),
      f.basis === 'absent' && f.completeness
        ? h('button', { type: 'button', class: 'link', text: t('gaps.seeCompleteness'), on: { click: openRegister } })
        : null,
      f.nodeIds.length > 0
        ? h('p', {
            class: 'hint',
            text: t('gaps.involves', { names: f.nodeIds.map((n) => labelOf(ctx, n)).join(', ') }),
          })
        : null,
      ties.length > 0
        ? h(
            'ul',
            { class: 'missing' },
            ties.map((m) =>
              h('li', {
                text: t('gaps.missingTie', {
                  from: labelOf(ctx, m.from),
                  to: labelOf(ctx, m.to),
                  type: bi(relationKind(m.type)?.label) || m.type,
                }),
              }),
            ),
          )
        : null,
      h(
        'div',
        { class: 'row' },
        h('button', {
          type: 'button',
          text: current ? t('gaps.hide') : t('gaps.show'),
          aria: { pressed: String(current) },
          dataset: { testid: `gap-show-${f.id}` },
          on: { click: () => actions.show(current ? null : f) },
        }),
        canEdit() &&
          !handled &&
          h('button', {
            type: 'button',
            text: t('gaps.toAction'),
            dataset: { testid: `gap-action-${f.id}` },
            on: { click: () => actions.toAction(f) },
          }),
      ),
      handled
        ? h('p', {
            class: 'handled',
            dataset: { testid: `gap-handled-${f.id}` },
            text: t('gaps.handled', { name: handled.name, status: handled.status }),
          })
        : null,
    );
  };

  /** The findings to read first (GET /api/gaps summary), one sentence each. */
  const readFirst = (summary: SummaryItem[], findings: GapFinding[]) =>
    summary.length === 0
      ? null
      : h(
          'section',
          { class: 'read-first', dataset: { testid: 'gaps-summary' } },
          h('h4', { text: t('gaps.readFirst') }),
          h(
            'ol',
            {},
            summary.map((s) => {
              const f = findings.find((x) => x.id === s.id);
              return h(
                'li',
                {},
                h('span', { text: bi(s.sentence) }),
                ' ',
                f
                  ? h('button', {
                      type: 'button',
                      class: 'link',
                      text: t('gaps.show'),
                      on: { click: () => actions.show(f) },
                    })
                  : null,
              );
            }),
          ),
        );

  const robustToggle = () => {
    const box = h('input', {
      type: 'checkbox',
      dataset: { testid: 'gaps-robust-only' },
      on: { change: () => ((robustOnly = box.checked), render()) },
    });
    box.checked = robustOnly;
    return h('label', { class: 'check' }, box, ` ${t('gaps.robustOnly')}`);
  };

  /** Findings grouped by gap kind, each group with its label and definition from the server's descriptors. */
  const grouped = (all: GapFinding[], kinds: GapKindInfo[]) => {
    const findings = robustOnly ? all.filter((f) => f.robust) : all;
    const groups = new Map<string, GapFinding[]>();
    for (const f of findings) {
      const list = groups.get(f.kind) ?? [];
      list.push(f);
      groups.set(f.kind, list);
    }
    return h(
      'div',
      { dataset: { testid: 'gaps-list' } },
      h('p', { class: 'hint', text: t('gaps.summary', { n: findings.length, kinds: groups.size }) }),
      [...groups.entries()].map(([kind, list]) => {
        const info = kinds.find((k) => k.id === kind);
        return h(
          'details',
          {
            class: 'gap-group',
            attrs: groups.size <= 3 || list.some((f) => f.id === ctx.finding?.id) ? { open: '' } : {},
          },
          h(
            'summary',
            {},
            h('span', { text: info ? bi(info.label) : kind === 'no-data' ? t('gaps.noData') : kind }),
            h('span', { class: 'count', text: ` (${list.length})` }),
          ),
          info?.definition ? h('p', { class: 'hint', text: bi(info.definition) }) : null,
          h('ol', { class: 'findings' }, list.map(finding)),
        );
      }),
    );
  };

  function render(): void {
    registerBox.querySelector('summary')!.textContent = t('completeness.heading');
    completeness.render();
    if (!loaded) return replace(el, h('p', { class: 'hint', text: t('gaps.loading') }));
    switch (state.status) {
      case 'loading':
        return replace(el, h('p', { class: 'hint', text: t('gaps.loading') }), progress.el);
      case 'unavailable':
        return replace(
          el,
          h(
            'div',
            { class: 'notice', dataset: { testid: 'gaps-unavailable' } },
            h('p', { text: t('gaps.unavailable') }),
            h('p', { class: 'hint', text: t('gaps.unavailableHint') }),
          ),
        );
      case 'error':
        return replace(
          el,
          h(
            'div',
            { class: 'notice error' },
            h('p', { text: t('gaps.error') }),
            h('button', { type: 'button', text: t('action.retry'), on: { click: () => void load() } }),
          ),
        );
      case 'ok':
        return replace(
          el,
          state.findings.length === 0
            ? h('p', { class: 'hint', text: t('gaps.none') })
            : [readFirst(state.summary, state.findings), robustToggle(), grouped(state.findings, state.kinds)],
          registerBox,
        );
    }
  }
  render();
  return {
    el,
    render,
    update: () => (loaded ? render() : undefined),
    open: () => (loaded ? undefined : void load()),
  };
}
