/**
 * A job's progress where long work was asked for (export, gaps, import): a progress bar, the stage in words and a
 * cancel button. It stays empty for work the server answered at once.
 */
import { h, replace } from '../dom/h.js';
import { t, tk } from '../i18n/i18n.js';
import type { JobView, JobWatcher } from '../api/jobs.js';

/** The server's stage names, in words (an export's stage is its format). */
const STAGES: Record<string, string> = {
  queued: tk('jobs.stage.queued'),
  read: tk('jobs.stage.read'),
  validate: tk('jobs.stage.validate'),
  report: tk('jobs.stage.report'),
  write: tk('jobs.stage.write'),
};

const stageText = (v: JobView) => t(STAGES[v.stage] ?? 'jobs.stage.work');

export interface JobProgress extends JobWatcher {
  el: HTMLElement;
  clear(): void;
}

export function jobProgress(): JobProgress {
  const el = h('div', { class: 'job-progress', aria: { live: 'polite' } });
  let cancel: (() => Promise<void>) | null = null;
  const bar = h('progress', { attrs: { max: '100', value: '0' } });
  const label = h('span', { dataset: { testid: 'job-stage' } });
  const button = h('button', {
    type: 'button',
    text: t('jobs.cancel'),
    dataset: { testid: 'job-cancel' },
    on: {
      click: () => {
        button.disabled = true;
        label.textContent = t('jobs.cancelling');
        void cancel?.();
      },
    },
  });

  const show = (v: JobView) => {
    const percent = Math.round(v.progress * 100);
    bar.value = percent;
    bar.setAttribute('aria-valuetext', t('jobs.percent', { percent }));
    el.dataset.state = v.state;
    if (!button.disabled) label.textContent = `${stageText(v)} · ${t('jobs.percent', { percent })}`;
  };

  return {
    el,
    started(job, stop) {
      cancel = stop;
      button.disabled = false;
      replace(
        el,
        h('p', { class: 'hint', text: t('jobs.long') }),
        h('div', { class: 'job-row', dataset: { testid: 'job-progress' } }, bar, label, button),
      );
      show(job);
    },
    progress: show,
    ended(job) {
      el.dataset.state = job.state;
      replace(el);
    },
    clear() {
      cancel = null;
      replace(el);
    },
  };
}
