/** The questionnaire page: the registered ties, ties to add, suggestions, and saving and submitting the answers. */
import { h } from '../dom/h.js';
import { getLang, t } from '../i18n/i18n.js';
import { surveyApi, SurveyError, type Answers, type Questionnaire } from './api.js';
import { addSection } from './add.js';
import { dateText, type SurveyCtx } from './context.js';
import { existingTie } from './existing.js';

export interface PageHooks {
  /** The round closed or the link stopped working while the page was open. */
  fail: (err: SurveyError) => void;
  /** Names seen so far, kept across a language switch. */
  names: SurveyCtx['names'];
}

/** Saves the draft after a pause in typing, and on demand (before submitting). */
function drafts(token: string, answers: Answers, status: HTMLElement, hooks: PageHooks) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  const save = async (): Promise<boolean> => {
    clearTimeout(timer);
    if (!dirty) return true;
    dirty = false;
    status.textContent = t('survey.saving');
    try {
      await surveyApi.save(token, answers);
      status.textContent = t('survey.saved', { time: new Date().toLocaleTimeString('sv-SE').slice(0, 5) });
      document.body.dataset.saved = 'true';
      return true;
    } catch (err) {
      dirty = true;
      const e = err instanceof SurveyError ? err : new SurveyError(0, 'unknown');
      if (e.status === 404 || e.status === 410) hooks.fail(e);
      else status.textContent = e.status === 0 ? t('survey.saveOffline') : t('survey.saveFailed');
      return false;
    }
  };
  const changed = () => {
    dirty = true;
    document.body.dataset.saved = 'false';
    clearTimeout(timer);
    timer = setTimeout(() => void save(), 800);
  };
  return { save, changed, answers };
}

function submitBlock(
  q: Questionnaire,
  token: string,
  d: ReturnType<typeof drafts>,
  status: HTMLElement,
  hooks: PageHooks,
) {
  const done = h('p', { class: 'done', role: 'status', dataset: { testid: 'submitted' } });
  const showDone = (at: string | null) => {
    done.textContent = at ? t('survey.submittedAt', { date: dateText(at), closes: dateText(q.survey.closesAt) }) : '';
  };
  showDone(q.submittedAt);
  const submit = async () => {
    if (!(await d.save())) return;
    try {
      const r = await surveyApi.submit(token, d.answers);
      showDone(r.submittedAt ?? new Date().toISOString());
      done.focus();
    } catch (err) {
      const e = err instanceof SurveyError ? err : new SurveyError(0, 'unknown');
      if (e.status === 404 || e.status === 410) hooks.fail(e);
      else status.textContent = t('survey.submitFailed');
    }
  };
  done.tabIndex = -1;
  return h(
    'section',
    { class: 'block submit', aria: { labelledby: 'submit-title' } },
    h('h2', { id: 'submit-title', text: t('survey.submit.title') }),
    h('p', { text: t('survey.submit.intro', { date: dateText(q.survey.closesAt) }) }),
    h('p', { class: 'hint', attrs: { 'aria-live': 'polite' } }, status),
    h(
      'div',
      { class: 'buttons' },
      h('button', {
        type: 'button',
        class: 'secondary',
        text: t('survey.saveDraft'),
        dataset: { testid: 'save-draft' },
        on: { click: () => void d.save() },
      }),
      h('button', {
        type: 'button',
        class: 'primary',
        text: t('survey.submit.button'),
        dataset: { testid: 'submit' },
        on: { click: () => void submit() },
      }),
    ),
    done,
  );
}

export function questionnairePage(q: Questionnaire, token: string, answers: Answers, hooks: PageHooks): HTMLElement {
  const status = h('span', { dataset: { testid: 'save-status' } });
  const d = drafts(token, answers, status, hooks);
  const ctx: SurveyCtx = {
    token,
    q,
    answers,
    names: hooks.names,
    search: (text, kinds) => surveyApi.search(token, text, kinds),
    changed: d.changed,
  };
  for (const tie of q.ties) ctx.names.set(tie.counterpart.id, tie.counterpart);
  const registered = h(
    'section',
    { class: 'block', aria: { labelledby: 'registered-title' } },
    h('h2', { id: 'registered-title', text: t('survey.registered.title') }),
    q.ties.length
      ? h('ul', { class: 'ties' }, ...q.ties.map((tie) => existingTie(tie, ctx)))
      : h('p', { text: t('survey.registered.none') }),
  );
  const org = getLang() === 'en' && q.organisation.nameEn ? q.organisation.nameEn : q.organisation.name;
  return h(
    'main',
    { id: 'main', tabindex: -1 },
    h('h1', { text: q.survey.title }),
    h('p', { class: 'lead', text: t('survey.intro', { org }) }),
    h('p', { text: t('survey.intro.drafts', { date: dateText(q.survey.closesAt) }) }),
    registered,
    addSection(ctx),
    submitBlock(q, token, d, status, hooks),
  );
}
