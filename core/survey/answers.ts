/**
 * Checks a respondent's answers against the round and the catalogue, before anything is stored: a token writes only
 * its own organisation's ties, new ties must be valid relations of the round's kinds, topics must be occupations
 * or skills of the register.
 */
import { ORGANISATION_TYPES } from '../model/catalogue/node-kinds.js';
import { problem, prefixProblems, type Problem } from '../model/problems.js';
import { validateRelation } from '../model/validate.js';
import type { Answers } from './schemas.js';
import { newTieEnds, suggestedOrgId } from './ties.js';

export interface AnswerContext {
  respondent: string;
  relationTypes: readonly string[];
  /** Ids of the respondent's own registered ties of the round's kinds. */
  ownTies: ReadonlySet<string>;
  kindOf: (id: string) => string | undefined;
}

const TOPIC_KINDS = new Set(['Occupation', 'Skill']);
const CHECK_SOURCE = [{ url: 'https://example.invalid/enkat', title: 'Enkät' }];

function topicProblems(path: string, topics: readonly string[] | undefined, ctx: AnswerContext): Problem[] {
  return (topics ?? []).flatMap((id, i) =>
    TOPIC_KINDS.has(ctx.kindOf(id) ?? '')
      ? []
      : [
          problem(
            `${path}/topics/${i}`,
            'unknown_topic',
            `"${id}" är inget yrke eller kompetens i registret`,
            `"${id}" is not an occupation or skill of the register`,
          ),
        ],
  );
}

function tieProblems(answers: Answers, ctx: AnswerContext): Problem[] {
  const seen = new Set<string>();
  return answers.ties.flatMap((t, i) => {
    const path = `/ties/${i}`;
    const out = topicProblems(path, t.topics, ctx);
    if (!ctx.ownTies.has(t.relationId))
      out.push(
        problem(
          `${path}/relationId`,
          'not_own_tie',
          'Relationen hör inte till er organisations frågor i omgången',
          "The relation is not one of your organisation's questions in this round",
        ),
      );
    if (seen.has(t.relationId))
      out.push(
        problem(`${path}/relationId`, 'duplicate', 'Relationen besvaras två gånger', 'The relation is answered twice'),
      );
    seen.add(t.relationId);
    return out;
  });
}

function newTieProblems(answers: Answers, ctx: AnswerContext): Problem[] {
  return answers.newTies.flatMap((t, i) => {
    const path = `/newTies/${i}`;
    const out = topicProblems(path, t.topics, ctx);
    if (!ctx.relationTypes.includes(t.type))
      return [
        ...out,
        problem(
          `${path}/type`,
          'type_not_in_round',
          'Omgången frågar inte om den relationstypen',
          'The round does not ask about that relation kind',
        ),
      ];
    if ((t.counterpartId === undefined) === (t.newOrganisation === undefined))
      return [
        ...out,
        problem(
          path,
          'counterpart',
          'Ange antingen en aktör i registret eller en ny organisation',
          'Give either an actor of the register or a new organisation',
        ),
      ];
    const org = t.newOrganisation;
    if (org?.orgType !== undefined && !ORGANISATION_TYPES.some((o) => o.value === org.orgType))
      out.push(
        problem(
          `${path}/newOrganisation/orgType`,
          'unknown_org_type',
          'Okänd organisationstyp',
          'Unknown organisation type',
        ),
      );
    if (org?.municipality !== undefined && ctx.kindOf(org.municipality) !== 'Municipality')
      out.push(
        problem(`${path}/newOrganisation/municipality`, 'unknown_municipality', 'Okänd kommun', 'Unknown municipality'),
      );
    const ends = newTieEnds(ctx.respondent, t);
    const newId = org ? suggestedOrgId(org.name) : undefined;
    const kindOf = (id: string) => (id === newId ? 'Organisation' : ctx.kindOf(id));
    const rel = { ...ends, sources: CHECK_SOURCE, evidence: 'probable' as const };
    out.push(...prefixProblems(path, validateRelation(rel, kindOf)));
    return out;
  });
}

/** Every problem with the answers; empty when they may be stored. */
export function answerProblems(answers: Answers, ctx: AnswerContext): Problem[] {
  return [...tieProblems(answers, ctx), ...newTieProblems(answers, ctx)];
}
