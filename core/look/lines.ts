/**
 * How a relation is drawn: the evidence level sets the line style (the same on the screen, in the legend and in
 * every export), the relation kind's analysis role sets the default colour.
 */
import type { Bilingual } from '../model/labels.js';
import type { Evidence } from '../model/records.js';
import { EVIDENCE_LABELS } from '../model/field-text.js';

export interface EvidenceLine {
  label: Bilingual;
  /** Name of the line style, for the legend. */
  style: Bilingual;
  /** Dash and gap length in pixels at a 1.3 px line; null = solid. */
  dash: readonly [number, number] | null;
  /** Opacity of the line. */
  alpha: number;
}

export const EVIDENCE_LINES: Readonly<Record<Evidence, EvidenceLine>> = {
  confirmed: {
    label: EVIDENCE_LABELS.confirmed,
    style: { sv: 'heldragen', en: 'solid' },
    dash: null,
    alpha: 0.6,
  },
  probable: {
    label: EVIDENCE_LABELS.probable,
    style: { sv: 'streckad', en: 'dashed' },
    dash: [7, 4],
    alpha: 0.6,
  },
  uncertain: {
    label: EVIDENCE_LABELS.uncertain,
    style: { sv: 'prickad, blek', en: 'dotted, faint' },
    dash: [2, 4],
    alpha: 0.4,
  },
};

/** The line of an evidence level; anything unknown is drawn as confirmed (solid). */
export const evidenceLine = (evidence: unknown): EvidenceLine =>
  EVIDENCE_LINES[evidence as Evidence] ?? EVIDENCE_LINES.confirmed;

/** Labels of the relation kinds' analysis roles (edge colour by role). */
export const ROLE_LABELS: Readonly<Record<string, Bilingual>> = {
  tie: { sv: 'Direkt samverkan', en: 'Direct tie' },
  membership: { sv: 'Medlemskap och samordning', en: 'Membership and coordination' },
  supply: { sv: 'Utbildning och utbud', en: 'Education and supply' },
  demand: { sv: 'Efterfrågan', en: 'Demand' },
  funding: { sv: 'Finansiering', en: 'Funding' },
  structure: { sv: 'Struktur och geografi', en: 'Structure and geography' },
  plan: { sv: 'Handlingsplan', en: 'Action plan' },
};

/** Line widths in pixels: a tie, and a tie of the highlighted part of the map. */
export const EDGE_WIDTH = { normal: 1.3, highlighted: 2.6, faded: 1 } as const;
