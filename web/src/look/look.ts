/**
 * The web's binding of the appearance table (core/look): the same colours, shapes, line styles and sizes as the
 * exports, with their labels in the current language.
 */
import { actorGroup } from '../../../core/look/groups.js';
import { EVIDENCE_LINES, ROLE_LABELS, evidenceLine } from '../../../core/look/lines.js';
import { EVIDENCE_LEVELS } from '../../../core/model/records.js';
import { bi, t } from '../i18n/i18n.js';

export { NONE } from '../../../core/look/colors.js';
export { ACTOR_GROUPS, actorGroupOf } from '../../../core/look/groups.js';
export { EDGE_WIDTH, EVIDENCE_LINES, evidenceLine } from '../../../core/look/lines.js';
export * from '../../../core/look/palette.js';
export { shapeOfKind, shapePath, type NodeShape } from '../../../core/look/shapes.js';
export { NODE_SIZE } from '../../../core/look/size.js';

export const groupLabel = (id: string): string => bi(actorGroup(id)?.label) || bi(actorGroup('other')?.label);

/** The label of an evidence level; anything else is "value missing". */
export const evidenceLabel = (ev: string): string =>
  (EVIDENCE_LEVELS as readonly string[]).includes(ev) ? bi(evidenceLine(ev).label) : t('value.missing');

/** The name of an evidence level's line style (solid, dashed, dotted). */
export const evidenceStyle = (ev: string): string => bi(evidenceLine(ev).style);

export const roleLabel = (role: string): string => bi(ROLE_LABELS[role]) || role;

export const evidenceLevels = (): (keyof typeof EVIDENCE_LINES)[] => [...EVIDENCE_LEVELS];
