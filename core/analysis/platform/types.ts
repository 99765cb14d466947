import type { Bilingual } from '../../model/labels.js';
import type { Evidence } from '../../model/records.js';
import type { Perspectives } from '../perspectives/index.js';

export interface PlatformOptions {
  /** The focal node (default: the county's kompetensplattform). */
  focus?: string;
  /** K: the reach that counts for key actors and invitations (1–6, default 2). */
  steps?: number;
  minEvidence?: Evidence;
  asOf?: string | null;
  /** How many actors count as key actors, by betweenness and by degree each (default 10). */
  topN?: number;
  /** The most invitations to propose (default 10). */
  invite?: number;
}

export interface ResolvedPlatformOptions {
  focus: string;
  steps: number;
  minEvidence: Evidence;
  asOf: string | null;
  topN: number;
  invite: number;
}

/** A node as the answer names it: names in both languages, never only an id. */
export interface NodeRef {
  id: string;
  name: string;
  nameEn?: string;
  kind: string;
  /** orgType of an organisation, networkType of a network. */
  type?: string;
  helix?: string;
  municipality?: string;
}

export interface ReachedNode extends NodeRef {
  step: number;
  /** The weakest evidence on the best-evidenced shortest path from the focus. */
  evidence: Evidence;
  /** Ids of the nodes between the focus and this node, nearest the focus first. */
  via: string[];
}

export interface Ring {
  step: number;
  actors: ReachedNode[];
  networks: ReachedNode[];
}

export interface StepCount {
  step: number;
  count: number;
  /** count / total; null when the total is 0. */
  share: number | null;
}

export interface MunicipalityReach {
  id: string;
  name: string;
  nameEn?: string;
  /** Steps from the focus to the municipality's own organisation (kommun); null = not reached. */
  step: number | null;
  evidence: Evidence | null;
  /** The path from the kommun organisation to the focus (ids), empty when not reached. */
  path: string[];
  /** Steps to the nearest actor of any kind located in the municipality; null = none reached. */
  presenceStep: number | null;
  presenceActor: string | null;
  /** Whether the register has a kommun organisation for the place at all. */
  hasKommunOrg: boolean;
}

export interface HelixReach {
  id: string;
  label: Bilingual;
  /** Organisations of the group in the register. */
  total: number;
  byStep: StepCount[];
}

export interface KeyActor extends NodeRef {
  step: number | null;
  betweenness: number;
  degree: number;
  betweennessRank?: number;
  degreeRank?: number;
}

export interface InviteGain {
  municipalities: string[];
  helix: string[];
  keyActors: string[];
  /** Organisations newly within K steps (the tie-break and context, not part of the score). */
  actors: number;
}

export interface InvitePick extends NodeRef {
  rank: number;
  /** Steps from the focus before any invitation; null = not reached. */
  stepBefore: number | null;
  /** The tie the invitation would add: membership for an organisation, part of for a network. */
  tie: { from: string; to: string; type: 'MEMBER_OF' | 'PART_OF' };
  gain: InviteGain;
  /** municipalities + helix groups + key actors gained. */
  score: number;
}

export interface PlatformReach {
  focus: NodeRef;
  parameters: ResolvedPlatformOptions;
  rings: Ring[];
  /** Organisations not within the largest ring. */
  beyond: { actors: number; networks: number };
  municipalities: { total: number; rows: MunicipalityReach[]; byStep: StepCount[]; presenceByStep: StepCount[] };
  helix: { groups: HelixReach[]; withoutHelix: number };
  keyActors: { all: KeyActor[]; outside: KeyActor[] };
  invite: {
    picks: InvitePick[];
    /** What is still not within K steps after the picks. */
    remaining: { municipalities: string[]; helix: string[]; keyActors: string[] };
  };
  /** Gender and integration, measured where data exists. */
  perspectives: Perspectives;
}
