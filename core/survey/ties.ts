/** Tie keys shared by the review, the summary and the comparison: one key per tie whoever reports it. */
import { relationKind } from '../model/catalogue/relation-kinds.js';
import { slugify } from '../model/ids.js';
import type { NewTie } from './schemas.js';

export interface TieEnds {
  type: string;
  from: string;
  to: string;
}

/** Undirected kinds ignore the order of the ends. */
export function tieKey(t: TieEnds): string {
  const directed = relationKind(t.type)?.directed ?? true;
  const [a, b] = !directed && t.to < t.from ? [t.to, t.from] : [t.from, t.to];
  return `${t.type}|${a}|${b}`;
}

/** The id a suggested organisation gets when an editor accepts it (stable for the same name). */
export const suggestedOrgId = (name: string): string => `org:enkat-${slugify(name) || 'namnlos'}`;

/** The ends of a tie a respondent adds (out: the respondent is `from`). */
export function newTieEnds(respondent: string, t: NewTie): TieEnds {
  const other = t.counterpartId ?? suggestedOrgId(t.newOrganisation?.name ?? '');
  return t.direction === 'in'
    ? { type: t.type, from: other, to: respondent }
    : { type: t.type, from: respondent, to: other };
}
