/**
 * One round for the editor: invitations (the links shown once, and as a CSV for a mail merge), the response rate
 * overall, by municipality and by helix, the organisations that have not answered, reciprocity, and closing.
 */
import { writeCsv } from '../../../core/exchange/csv.js';
import { surveysApi, type Invitation, type SurveySummary, type SurveyView } from '../api/surveys.js';
import type { AppContext } from '../context/context.js';
import { labelOf } from '../context/items.js';
import { confirmDialog } from '../dom/confirm.js';
import { h } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';
import { dataTable, dateText, errorText, pct } from './survey-shared.js';

/** Saves text as a file through a temporary object URL (allowed by the CSP: no data: or inline script). */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, attrs: { download: name } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function invitationsCsv(ctx: AppContext, round: SurveyView, links: Invitation[]): string {
  const role = new Map(round.respondents.map((r) => [r.nodeId, r.role ?? '']));
  const rows = links.map((l) => [labelOf(ctx, l.nodeId), role.get(l.nodeId) ?? '', l.url]);
  return writeCsv([[t('surveys.inv.org'), t('surveys.inv.role'), t('surveys.inv.link')], ...rows]);
}

/** The links, once: a table to copy from and the CSV download. */
function linksView(ctx: AppContext, round: SurveyView, links: Invitation[]): HTMLElement {
  const absolute = links.map((l) => ({ ...l, url: new URL(l.url, location.origin).href }));
  return h(
    'div',
    { dataset: { testid: 'survey-links' } },
    h('p', { class: 'warning', text: t('surveys.inv.once') }),
    h('button', {
      type: 'button',
      class: 'primary',
      text: t('surveys.inv.csv'),
      dataset: { testid: 'survey-links-csv' },
      on: { click: () => download('inbjudningar.csv', invitationsCsv(ctx, round, absolute), 'text/csv;charset=utf-8') },
    }),
    h(
      'ul',
      { class: 'views' },
      absolute.map((l) =>
        h(
          'li',
          { dataset: { node: l.nodeId } },
          h('span', { class: 'strong', text: labelOf(ctx, l.nodeId) }),
          h('input', {
            type: 'text',
            value: l.url,
            attrs: { readonly: '' },
            aria: { label: t('surveys.inv.linkFor', { name: labelOf(ctx, l.nodeId) }) },
            dataset: { testid: 'survey-link' },
          }),
        ),
      ),
    ),
  );
}

function rateRows(rows: SurveySummary['byMunicipality']): (string | number)[][] {
  return rows.map((r) => [bi(r.label), r.answered, r.invited, pct(r.rate)]);
}

export function summaryView(s: SurveySummary): HTMLElement {
  const head = [t('surveys.sum.group'), t('surveys.sum.answered'), t('surveys.sum.invited'), t('surveys.sum.rate')];
  return h(
    'div',
    { dataset: { testid: 'survey-summary' } },
    h('p', {
      class: 'strong',
      dataset: { testid: 'survey-rate' },
      text: t('surveys.sum.overall', {
        answered: s.overall.answered,
        invited: s.overall.invited,
        rate: pct(s.overall.rate),
      }),
    }),
    h('p', { text: bi(s.text) }),
    h('p', {
      text: t('surveys.sum.reciprocity', {
        n: s.reciprocity.reciprocated,
        of: s.reciprocity.ties,
        rate: pct(s.reciprocity.rate),
      }),
    }),
    dataTable(t('surveys.sum.byMunicipality'), head, rateRows(s.byMunicipality), 'survey-by-municipality'),
    dataTable(t('surveys.sum.byHelix'), head, rateRows(s.byHelix), 'survey-by-helix'),
    h('h4', { text: t('surveys.sum.missing', { n: s.nonRespondents.length }) }),
    s.nonRespondents.length
      ? h(
          'ul',
          { dataset: { testid: 'survey-non-respondents' } },
          s.nonRespondents.map((r) => h('li', { text: r.role ? `${r.name} (${r.role})` : r.name })),
        )
      : h('p', { class: 'hint', text: t('surveys.sum.allAnswered') }),
  );
}

export interface RoundHooks {
  changed: () => void;
}

/** The round's header, invitations, summary and closing. */
export function roundView(ctx: AppContext, round: SurveyView, hooks: RoundHooks): HTMLElement {
  const out = h('div', { attrs: { 'aria-live': 'polite' } });
  const summary = h('div', {}, h('p', { class: 'hint', text: t('surveys.loading') }));
  const open = round.status === 'open';
  const invite = async () => {
    try {
      out.replaceChildren(linksView(ctx, round, await surveysApi.invite(round.id)));
    } catch (err) {
      out.replaceChildren(h('p', { class: 'error', text: errorText(err) }));
    }
  };
  const send = async () => {
    try {
      const r = await surveysApi.send(round.id);
      const text = t('surveys.inv.sent', {
        sent: r.sent.length,
        without: r.withoutAddress.length,
        failed: r.failed.length,
      });
      out.replaceChildren(h('p', { dataset: { testid: 'survey-sent' }, text }));
    } catch (err) {
      out.replaceChildren(h('p', { class: 'error', text: errorText(err) }));
    }
  };
  const close = async () => {
    if (!(await confirmDialog(t('surveys.round.closeAsk'), t('surveys.round.close')))) return;
    try {
      await surveysApi.close(round.id);
      hooks.changed();
    } catch (err) {
      out.replaceChildren(h('p', { class: 'error', text: errorText(err) }));
    }
  };
  surveysApi.summary(round.id).then(
    (s) => summary.replaceChildren(summaryView(s)),
    (err: unknown) => summary.replaceChildren(h('p', { class: 'error', text: errorText(err) })),
  );
  const invited = round.respondents.filter((r) => r.invitedAt).length;
  return h(
    'div',
    { dataset: { testid: 'survey-round', id: round.id } },
    h('h3', { text: round.title }),
    h('p', {
      text: open
        ? t('surveys.round.open', { closes: dateText(round.closesAt), n: round.respondents.length, invited })
        : t('surveys.round.closed', {
            closes: dateText(round.closedAt ?? round.closesAt),
            n: round.respondents.length,
          }),
    }),
    h('h4', { text: t('surveys.inv.title') }),
    open
      ? h(
          'div',
          { class: 'row' },
          h('button', {
            type: 'button',
            text: t('surveys.inv.create'),
            dataset: { testid: 'survey-invite' },
            on: { click: () => void invite() },
          }),
          h('button', {
            type: 'button',
            text: t('surveys.inv.send'),
            dataset: { testid: 'survey-send' },
            on: { click: () => void send() },
          }),
          h('button', {
            type: 'button',
            class: 'danger',
            text: t('surveys.round.close'),
            dataset: { testid: 'survey-close' },
            on: { click: () => void close() },
          }),
        )
      : h('p', { class: 'hint', text: t('surveys.inv.closed') }),
    h('p', { class: 'hint', text: t('surveys.inv.hint') }),
    out,
    h('h4', { text: t('surveys.sum.title') }),
    summary,
  );
}
