/**
 * Derived, read-only facts about nodes: the actor group (from the appearance table in core/look), the label in
 * the current language, and the municipality and sector index (core/graph/view-filters). Nothing here writes to
 * the graph.
 */
import type { Attributes } from 'graphology-types';
import { actorGroupOf } from '../../../core/look/groups.js';
import type { Lang } from '../i18n/i18n.js';

export { buildIndex, facetValues, type NodeIndex } from '../../../core/graph/view-filters.js';

export const actorGroup = (attrs: Attributes): string => actorGroupOf(attrs.kind, attrs.orgType);

/** The node's display name in a language (nameEn when English and present). */
export function nodeName(attrs: Attributes, lang: Lang): string {
  const en = attrs.nameEn;
  if (lang === 'en' && typeof en === 'string' && en !== '') return en;
  return typeof attrs.name === 'string' ? attrs.name : '';
}
