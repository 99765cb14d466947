/**
 * Entry of the questionnaire at /enkat/{token} (web/survey.html): a small page of its own, without the map, so it
 * loads quickly on a phone. No account: the token in the address is the credential. Swedish by default, English
 * with ?lang=en or the language button; an unknown link (404) and a closed round (410) get a plain page.
 */
import './survey.css';
import { h } from '../dom/h.js';
import { getLang, setLang, t } from '../i18n/i18n.js';
import { surveyApi, SurveyError, type Answers, type Questionnaire } from './api.js';
import { questionnairePage } from './page.js';

const root = document.getElementById('survey');
const token = decodeURIComponent(location.pathname.replace(/^\/enkat\/?/, '').split('/')[0] ?? '');
let loaded: { q: Questionnaire; answers: Answers } | null = null;
let failure: SurveyError | null = null;
const names: Map<string, { name: string; nameEn?: string }> = new Map();

function header(): HTMLElement {
  const other = getLang() === 'sv' ? 'en' : 'sv';
  return h(
    'header',
    { class: 'top' },
    h('a', { href: '#main', class: 'skip', text: t('survey.skip') }),
    h('span', { class: 'brand', text: t('survey.brand') }),
    h('button', {
      type: 'button',
      class: 'lang',
      text: other === 'en' ? 'In English' : 'På svenska',
      attrs: { lang: other },
      dataset: { testid: 'lang' },
      on: { click: () => (setLang(other), render()) },
    }),
  );
}

function problemPage(err: SurveyError): HTMLElement {
  const [title, text] =
    err.status === 410
      ? [t('survey.closed.title'), t('survey.closed.text')]
      : err.status === 404
        ? [t('survey.unknown.title'), t('survey.unknown.text')]
        : [t('survey.error.title'), t('survey.error.text')];
  return h(
    'main',
    { id: 'main', tabindex: -1, dataset: { testid: 'survey-problem', status: String(err.status) } },
    h('h1', { text: title }),
    h('p', { text }),
    err.status === 404 || err.status === 410
      ? null
      : h('button', { type: 'button', class: 'primary', text: t('action.retry'), on: { click: () => void boot() } }),
  );
}

function render(): void {
  if (!root) return;
  document.title = loaded && !failure ? `${loaded.q.survey.title} – ${t('survey.brand')}` : t('survey.brand');
  const body = failure
    ? problemPage(failure)
    : loaded
      ? questionnairePage(loaded.q, token, loaded.answers, { fail: (e) => ((failure = e), render()), names })
      : h('main', { id: 'main', tabindex: -1 }, h('p', { role: 'status', text: t('survey.loading') }));
  root.replaceChildren(header(), body);
  document.body.dataset.ready = loaded || failure ? 'true' : 'false';
}

async function boot(): Promise<void> {
  failure = null;
  render();
  try {
    if (!token) throw new SurveyError(404, 'not_found');
    const q = await surveyApi.load(token);
    const a = q.answers;
    for (const t of q.ties) names.set(t.counterpart.id, t.counterpart);
    const refs = [...a.ties, ...a.newTies].flatMap((x) => [
      ...('counterpartId' in x && x.counterpartId ? [x.counterpartId] : []),
      ...(x.topics ?? []),
    ]);
    for (const n of await surveyApi.names([...new Set(refs)].filter((id) => !names.has(id)).slice(0, 100)))
      names.set(n.id, n);
    loaded = { q, answers: { ties: [...a.ties], newTies: [...a.newTies] } };
  } catch (err) {
    failure = err instanceof SurveyError ? err : new SurveyError(0, 'unknown');
  }
  render();
}

setLang(new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'sv');
void boot();
