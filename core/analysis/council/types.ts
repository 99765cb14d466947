import type { Bilingual } from '../../model/labels.js';
import type { Evidence } from '../../model/records.js';
import type { NodeRef } from '../platform/types.js';

export interface CouncilOptions {
  /** The network the council serves (default: the county's kompetensplattform). */
  network?: string;
  minEvidence?: Evidence;
  asOf?: string | null;
  /** The gender balance band for the share of women (default 0.4–0.6). */
  shareLow?: number;
  shareHigh?: number;
}

export interface ResolvedCouncilOptions {
  network: string;
  minEvidence: Evidence;
  asOf: string | null;
  shareLow: number;
  shareHigh: number;
}

export interface CouncilSeat extends NodeRef {
  /** Already a member of, coordinator of or chair of the network. */
  member: boolean;
  covers: { municipalities: string[]; helix: string[]; sectors: string[] };
  /** Seats by sex on the organisation's membership of the network; null when the register has none. */
  seats: { women: number; men: number } | null;
}

export type ConstraintId = 'municipalities' | 'helix' | 'sectors' | 'gender';

export interface CouncilConstraint {
  id: ConstraintId;
  status: 'met' | 'not-met' | 'not-assessable';
  required: number;
  covered: number;
  /** Ids of the requirements that are not met. */
  missing: string[];
  /** The share of women of the proposed seats, gender only, when assessable. */
  shareWomen?: number;
  explanation: Bilingual;
}

export interface Requirement {
  id: string;
  name: string;
  nameEn?: string;
}

export interface CouncilProposal {
  network: NodeRef;
  parameters: ResolvedCouncilOptions;
  requirements: { municipalities: Requirement[]; helix: Requirement[]; sectors: Requirement[] };
  seats: CouncilSeat[];
  size: number;
  /** true: no smaller set covers what can be covered (proven by exhaustive search). */
  exact: boolean;
  /** How many sets of the same, smallest size were found (at most 500). */
  alternatives: number;
  alternativesTruncated: boolean;
  constraints: CouncilConstraint[];
  method: Bilingual;
}
