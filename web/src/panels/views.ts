/**
 * Saved views: save the current map (filters, encodings, focus, camera and positions) under a name on the
 * server, open or delete saved views, and copy a link that reopens the same view.
 */
import { ApiError, api } from '../api/client.js';
import type { SavedView } from '../api/types.js';
import type { AppContext } from '../context/context.js';
import { confirmDialog } from '../dom/confirm.js';
import { h, replace, uid } from '../dom/h.js';
import { t } from '../i18n/i18n.js';
import { LAYOUT_VIEW } from '../api/layout-view.js';
import { canEdit } from '../api/session.js';
import type { Panel } from './panel.js';

export interface ViewActions {
  save: (name: string, version?: number) => Promise<SavedView>;
  open: (name: string) => Promise<void>;
  link: () => string;
}

const NAME_RE = /^[A-Za-z0-9ÅÄÖåäö][A-Za-z0-9ÅÄÖåäö _.-]{0,79}$/;

export function viewsPanel(ctx: AppContext, actions: ViewActions): Panel {
  const el = h('section', { class: 'panel', id: 'views-panel', aria: { labelledby: 'views-h' } });
  const list = h('div', { dataset: { testid: 'views-list' } });
  const message = h('p', { class: 'hint', aria: { live: 'polite' }, dataset: { testid: 'views-message' } });
  const linkBox = h('div', { class: 'link-box' });
  let views: SavedView[] = [];

  const showLink = () => {
    const url = actions.link();
    const id = uid('link');
    const input = h('input', {
      id,
      type: 'text',
      value: url,
      attrs: { readonly: 'true' },
      dataset: { testid: 'view-link' },
    });
    const copy = h('button', {
      type: 'button',
      text: t('views.copy'),
      on: {
        click: async () => {
          input.select();
          try {
            await navigator.clipboard.writeText(url);
            message.textContent = t('views.copied');
          } catch {
            message.textContent = t('views.copyManually');
          }
        },
      },
    });
    replace(linkBox, h('label', { for: id, text: t('views.link') }), h('div', { class: 'row' }, input, copy));
  };

  /** The list is fetched once per page, and again after a save or delete (or after a failed fetch). */
  let listed: Promise<void> | null = null;
  const load = async () => {
    try {
      views = (await api.listViews()).items.filter((v) => v.name !== LAYOUT_VIEW);
    } catch {
      views = [];
      listed = null; // e.g. 401 before the sign-in: fetch again on the next render
    }
    paintList();
  };
  const loadOnce = () => (listed ??= load());

  const paintList = () => {
    if (views.length === 0) return replace(list, h('p', { class: 'hint', text: t('views.none') }));
    replace(
      list,
      h(
        'ul',
        { class: 'views' },
        views.map((v) =>
          h(
            'li',
            { class: ctx.store.get().view === v.name ? 'current' : '' },
            h('button', {
              type: 'button',
              class: 'link',
              text: v.name,
              dataset: { testid: `view-open-${v.name}` },
              on: { click: () => void actions.open(v.name) },
            }),
            h('span', { class: 'hint', text: ` ${v.updatedAt.slice(0, 10)}` }),
            canEdit() &&
              h('button', {
                type: 'button',
                class: 'icon danger',
                text: '×',
                title: t('views.delete', { name: v.name }),
                aria: { label: t('views.delete', { name: v.name }) },
                on: {
                  click: async () => {
                    if (!(await confirmDialog(t('views.confirmDelete', { name: v.name })))) return;
                    await api.deleteView(v.name, v.version).catch(() => undefined);
                    await load();
                  },
                },
              }),
          ),
        ),
      ),
    );
  };

  const render = () => {
    const nameId = uid('view-name');
    const name = h('input', {
      id: nameId,
      type: 'text',
      value: ctx.store.get().view ?? '',
      attrs: { maxlength: '80' },
      dataset: { testid: 'view-name' },
    });
    const save = async () => {
      const n = name.value.trim();
      if (!NAME_RE.test(n) || n === LAYOUT_VIEW) {
        message.textContent = t('views.badName');
        return;
      }
      const existing = views.find((v) => v.name === n);
      if (existing && !(await confirmDialog(t('views.confirmReplace', { name: n }), t('views.replace')))) return;
      try {
        await actions.save(n, existing?.version);
        message.textContent = t('views.saved', { name: n });
        await load();
        showLink();
      } catch (err) {
        message.textContent =
          err instanceof ApiError && err.status === 412 ? t('views.conflict') : t('views.saveFailed');
      }
    };
    replace(
      el,
      h('h2', { id: 'views-h', text: t('views.title') }),
      canEdit() && h('div', { class: 'field' }, h('label', { for: nameId, text: t('views.name') }), name),
      h(
        'div',
        { class: 'row' },
        canEdit() &&
          h('button', {
            type: 'button',
            text: t('views.save'),
            dataset: { testid: 'view-save' },
            on: { click: () => void save() },
          }),
        h('button', {
          type: 'button',
          text: t('views.showLink'),
          dataset: { testid: 'view-show-link' },
          on: { click: showLink },
        }),
      ),
      message,
      linkBox,
      h('h3', { text: t('views.saved.title') }),
      list,
    );
    paintList();
    void loadOnce();
  };
  render();
  return { el, render, update: paintList };
}
