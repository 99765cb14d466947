/**
 * Starts the app: the view state from the URL, the page layout, the panels, the wiring from state to screen,
 * then who is signed in and the data. The parts live in small modules next to this one.
 */
import { prefetchGraph } from '../api/client.js';
import { loadSession } from '../api/session.js';
import { createContext } from '../context/context.js';
import { getLang, setLang } from '../i18n/i18n.js';
import { fromQuery } from '../state/url.js';
import { createActions } from './actions.js';
import { createLoader } from './boot.js';
import { relayout } from './map-mount.js';
import { buildUi, renderAll } from './panels.js';
import { createRuntime } from './runtime.js';
import { wireSession } from './session-wiring.js';
import { buildShell } from './shell.js';
import { wireState } from './wiring.js';

/** The test and bench hooks, only in a browser driven by automation (see test-hooks.ts). */
async function maybeHooks(install: () => Promise<void>): Promise<void> {
  if (navigator.webdriver) await install().catch(() => undefined);
}

export function startApp(mount: HTMLElement): void {
  const ctx = createContext();
  const initial = fromQuery(location.search);
  if (initial.lang === 'en' || initial.lang === 'sv') setLang(initial.lang);
  document.documentElement.lang = getLang();
  ctx.store.replace(initial.state);

  const shell = buildShell();
  mount.replaceChildren(shell.root);
  const rt = createRuntime(ctx, shell);
  // The loader and the actions call each other; both are only called after this function has run.
  const loader = createLoader(rt, () => actions);
  const actions = createActions(rt, loader);
  rt.ui = buildUi(rt, actions, loader, { relayout: () => void relayout(rt) });
  renderAll(rt);
  wireState(rt);

  // Who am I first, so editing shows only for editors; then the data (a 401 there opens the sign-in).
  const failed = () => document.body.dataset.ready === 'error';
  wireSession({ render: () => renderAll(rt), failed, boot: () => void loader.boot() });
  prefetchGraph();
  const hooks = maybeHooks(async () => (await import('./test-hooks.js')).installHooks(rt, loader.reload));
  void Promise.all([loadSession().catch(() => undefined), hooks]).finally(() => void loader.boot());
}
