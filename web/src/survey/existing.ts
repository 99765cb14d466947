/** One registered tie: confirm or deny it, and (if confirmed) how often and how valuable it is. */
import { h, uid } from '../dom/h.js';
import { getLang, t, tk } from '../i18n/i18n.js';
import type { Questionnaire, TieAnswer } from './api.js';
import type { SurveyCtx } from './context.js';
import { tieFields } from './tie-fields.js';

type Registered = Questionnaire['ties'][number];
type Verdict = TieAnswer['status'];
const VERDICT_TEXT: Record<Verdict, string> = {
  confirm: tk('survey.verdict.confirm'),
  deny: tk('survey.verdict.deny'),
};
const VERDICTS: readonly Verdict[] = ['confirm', 'deny'];

export function existingTie(tie: Registered, ctx: SurveyCtx): HTMLElement {
  const answerOf = () => ctx.answers.ties.find((a) => a.relationId === tie.relationId);
  const follow = h('div', { class: 'follow' });
  const showFollow = () => {
    const a = answerOf();
    follow.replaceChildren();
    if (a?.status === 'confirm') follow.append(tieFields(a, ctx));
    if (a?.status === 'deny') follow.append(h('p', { class: 'hint', text: t('survey.verdict.denyHint') }));
  };
  const choose = (status: Verdict) => {
    const a = answerOf();
    if (a) a.status = status;
    else ctx.answers.ties.push({ relationId: tie.relationId, status });
    showFollow();
    ctx.changed();
  };
  const name = uid('v');
  const current = answerOf()?.status;
  const card = h(
    'li',
    { class: 'tie card', dataset: { testid: 'registered-tie', relation: tie.relationId, other: tie.counterpart.id } },
    h(
      'fieldset',
      { class: 'choices verdict' },
      h('legend', { class: 'question', text: tie.question[getLang()] }),
      VERDICTS.map((v) => {
        const id = uid('o');
        return h(
          'div',
          { class: 'choice' },
          h('input', {
            type: 'radio',
            id,
            name,
            value: v,
            checked: current === v,
            dataset: { testid: `verdict-${v}` },
            on: { change: () => choose(v) },
          }),
          h('label', { for: id, text: t(VERDICT_TEXT[v]) }),
        );
      }),
    ),
    follow,
  );
  showFollow();
  return card;
}
