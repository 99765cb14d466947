/**
 * Stable ids: `<prefix>:<key>`, e.g. `org:jonkoping-university`, `kommun:0680`, `ssyk:5321`.
 * The character set is deliberately narrow so ids are safe in URLs, file names and Cypher parameters.
 */
export const ID_PATTERN = '^[a-z][a-z0-9]*:[A-Za-z0-9][A-Za-z0-9._-]{0,159}$';
const ID_RE = new RegExp(ID_PATTERN);
export const RELATION_ID_PATTERN = '^[a-z][a-z0-9]*:[A-Za-z0-9][A-Za-z0-9._:-]{0,399}$';
const RELATION_ID_RE = new RegExp(RELATION_ID_PATTERN);

export const isValidId = (id: string): boolean => ID_RE.test(id);
export const isValidRelationId = (id: string): boolean => RELATION_ID_RE.test(id);
export const idPrefix = (id: string): string => id.slice(0, id.indexOf(':'));

/** ASCII slug for ids: "Jönköpings län" -> "jonkopings-lan". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}

/** Deterministic id for a relation that was given none. */
export const relationId = (type: string, from: string, to: string): string => `rel:${type.toLowerCase()}:${from}:${to}`;
