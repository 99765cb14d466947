/**
 * "Plattformen": the skills platform at the centre (GET /api/platform). Rings of who is within 1, 2, 3 steps, the
 * coverage of the municipalities and the helix groups by step, key actors outside K steps, and whom to invite,
 * each pick with what it would add. Steps and minimum evidence can be changed; names focus the map.
 */
import type { PlatformReach } from '../../../core/analysis/platform/types.js';
import { ApiError, api } from '../api/client.js';
import type { AppContext } from '../context/context.js';
import { h, replace } from '../dom/h.js';
import { t, tk } from '../i18n/i18n.js';
import type { Panel } from './panel.js';
import {
  helixTable,
  inviteList,
  municipalityTable,
  namer,
  outsideKeyActors,
  rings,
  type Focus,
} from './platform-parts.js';
import { perspectivesSection } from './platform-perspectives.js';
import { councilSection } from './council.js';

type State =
  | { status: 'idle' | 'loading' | 'unavailable' }
  | { status: 'error'; message: string }
  | { status: 'ok'; reach: PlatformReach };

export interface PlatformPanel extends Panel {
  /** Loads the reach the first time the panel is opened. */
  open(): void;
}

const EVIDENCE = ['uncertain', 'probable', 'confirmed'] as const;
const EVIDENCE_LABEL: Record<(typeof EVIDENCE)[number], string> = {
  uncertain: tk('platform.evidence.uncertain'),
  probable: tk('platform.evidence.probable'),
  confirmed: tk('platform.evidence.confirmed'),
};

export function platformPanel(ctx: AppContext, focus: Focus): PlatformPanel {
  const el = h('div', { class: 'platform', dataset: { testid: 'platform' } });
  let state: State = { status: 'idle' };
  let steps = 2;
  let minEvidence: (typeof EVIDENCE)[number] = 'uncertain';

  const load = async () => {
    state = { status: 'loading' };
    render();
    try {
      const reach = await api.platform(new URLSearchParams({ steps: String(steps), minEvidence }).toString());
      state = { status: 'ok', reach };
    } catch (err) {
      state =
        err instanceof ApiError && err.status === 404 && err.code === 'route_not_found'
          ? { status: 'unavailable' }
          : { status: 'error', message: (err as Error).message };
    }
    document.body.dataset.platform = state.status;
    render();
  };

  const controls = () =>
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'platform-steps', text: t('platform.stepsLabel') }),
      h(
        'select',
        {
          id: 'platform-steps',
          on: { change: (e) => ((steps = Number((e.target as HTMLSelectElement).value)), void load()) },
        },
        [1, 2, 3, 4, 5, 6].map((k) =>
          h('option', { value: String(k), text: String(k), attrs: k === steps ? { selected: '' } : {} }),
        ),
      ),
      h('label', { for: 'platform-evidence', text: t('platform.evidenceLabel') }),
      h(
        'select',
        {
          id: 'platform-evidence',
          on: {
            change: (e) => ((minEvidence = (e.target as HTMLSelectElement).value as typeof minEvidence), void load()),
          },
        },
        EVIDENCE.map((v) =>
          h('option', {
            value: v,
            text: t(EVIDENCE_LABEL[v]),
            attrs: v === minEvidence ? { selected: '' } : {},
          }),
        ),
      ),
    );

  const body = (): HTMLElement | HTMLElement[] => {
    switch (state.status) {
      case 'idle':
      case 'loading':
        return h('p', { class: 'hint', text: t('platform.loading') });
      case 'unavailable':
        return h('p', { class: 'notice', text: t('platform.unavailable') });
      case 'error':
        return h(
          'div',
          { class: 'notice error' },
          h('p', { text: t('platform.error') }),
          h('button', { type: 'button', text: t('action.retry'), on: { click: () => void load() } }),
        );
      case 'ok': {
        const r = state.reach;
        return [
          h('p', { class: 'hint', text: t('platform.intro', { name: r.focus.name, k: r.parameters.steps }) }),
          rings(r, focus),
          municipalityTable(ctx, r),
          helixTable(r),
          outsideKeyActors(r, focus),
          inviteList(ctx, r, focus),
          perspectivesSection(r, namer(ctx, r), focus),
          councilSection(() => r.focus.id),
        ];
      }
    }
  };

  function render(): void {
    replace(el, h('h2', { text: t('platform.title') }), controls(), body());
  }
  render();
  return {
    el,
    render,
    open: () => (state.status === 'idle' ? void load() : undefined),
  };
}
