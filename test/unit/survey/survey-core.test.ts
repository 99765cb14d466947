/**
 * The pure survey logic (core/survey): review items and their evidence rule, answer checks, the summary's rates and
 * reciprocity, a round's network and the comparison of two rounds, and the report section built from it.
 */
import { describe, expect, it } from 'vitest';
import type { NodeRecord, RelationRecord, Snapshot } from '../../../core/model/records.js';
import { reviewQueue, reciprocatedOpen, type ReviewRespondent } from '../../../core/survey/review.js';
import { answerProblems } from '../../../core/survey/answers.js';
import { surveySummary } from '../../../core/survey/summary.js';
import { compareRounds, roundNetwork, type Round } from '../../../core/survey/compare.js';
import { roundsSection } from '../../../core/report/rounds.js';
import { tieKey } from '../../../core/survey/ties.js';
import type { Answers } from '../../../core/survey/schemas.js';

const meta = { version: 1, createdAt: '2026-01-01', createdBy: 't', updatedAt: '2026-01-01', updatedBy: 't' };
const org = (id: string, municipality?: string, helix?: string): NodeRecord => ({
  id,
  kind: 'Organisation',
  name: `Namn ${id}`,
  props: { orgType: 'kommun', ...(municipality ? { municipality } : {}), ...(helix ? { helix } : {}) },
  ...meta,
});
const rel = (
  id: string,
  type: string,
  from: string,
  to: string,
  evidence: RelationRecord['evidence'] = 'probable',
): RelationRecord => ({
  id,
  type,
  from,
  to,
  weight: 1,
  props: {},
  sources: [{ url: 'https://example.org', title: 'K' }],
  evidence,
  validFrom: null,
  validTo: null,
  ...meta,
});

const nodes = [
  org('org:a', 'kommun:0680', 'offentlig'),
  org('org:b', 'kommun:0680', 'akademi'),
  org('org:c'),
  org('org:d'),
];
const relations = [
  rel('rel:ab', 'COLLABORATES_WITH', 'org:a', 'org:b'),
  rel('rel:cd', 'COLLABORATES_WITH', 'org:c', 'org:d'),
  rel('rel:ac', 'COLLABORATES_WITH', 'org:a', 'org:c'),
];
const register: Snapshot = { nodes, relations };
const answered = (nodeId: string, answers: Answers): ReviewRespondent => ({
  nodeId,
  answers,
  submittedAt: '2026-12-01',
});
const nameOf = (id: string) => `Namn ${id}`;

describe('review queue', () => {
  const respondents: ReviewRespondent[] = [
    answered('org:a', {
      ties: [
        { relationId: 'rel:ab', status: 'confirm' },
        { relationId: 'rel:ac', status: 'deny' },
      ],
      newTies: [{ type: 'COLLABORATES_WITH', counterpartId: 'org:d' }],
    }),
    answered('org:b', { ties: [{ relationId: 'rel:ab', status: 'confirm', value: 3 }], newTies: [] }),
    answered('org:d', {
      ties: [],
      newTies: [
        { type: 'COLLABORATES_WITH', counterpartId: 'org:a', frequency: 'yearly' },
        { type: 'COLLABORATES_WITH', newOrganisation: { name: 'Ny förening' } },
      ],
    }),
    {
      nodeId: 'org:c',
      answers: { ties: [{ relationId: 'rel:ac', status: 'confirm' }], newTies: [] },
      submittedAt: null,
    },
  ];
  const q = reviewQueue({ respondents, relations, nameOf, decisions: new Map() });
  const item = (id: string) => q.items.find((i) => i.id === id);

  it('confirmed when both ends report a tie, probable when one does; drafts do not count', () => {
    expect(item('confirm:rel:ab')).toMatchObject({ reciprocated: true, evidence: 'confirmed', value: [3] });
    expect(item('deny:rel:ac')).toMatchObject({ kind: 'deny', evidence: null, reportedBy: [{ id: 'org:a' }] });
    expect(item('confirm:rel:ac')).toBeUndefined();
    const newTie = item(`tie:${tieKey({ type: 'COLLABORATES_WITH', from: 'org:a', to: 'org:d' })}`);
    expect(newTie).toMatchObject({ kind: 'new_tie', reciprocated: true, evidence: 'confirmed', frequency: ['yearly'] });
    const suggested = q.items.filter((i) => i.kind === 'new_organisation');
    expect(suggested).toEqual([expect.objectContaining({ id: 'org:org:enkat-ny-forening', name: 'Ny förening' })]);
    const toSuggested = q.items.find((i) => i.kind === 'new_tie' && i.to === 'org:enkat-ny-forening');
    expect(toSuggested).toMatchObject({ evidence: 'probable', reciprocated: false });
  });

  it('bulk accept takes the undecided reciprocated ties and confirmations only', () => {
    expect(reciprocatedOpen(q.items).sort()).toEqual(['confirm:rel:ab', newTieId()].sort());
  });

  it('summary: response rate by municipality and helix, non-respondents, reciprocity', () => {
    const s = surveySummary(
      's',
      respondents.map((r) => ({ nodeId: r.nodeId, role: null, submittedAt: r.submittedAt })),
      new Map(nodes.map((n) => [n.id, n])),
      q.items,
    );
    expect(s.overall).toMatchObject({ invited: 4, answered: 3, rate: 0.75 });
    expect(s.nonRespondents).toEqual([{ id: 'org:c', name: 'Namn org:c', role: null }]);
    expect(s.byHelix.find((h) => h.key === 'akademi')).toMatchObject({ invited: 1, answered: 1 });
    expect(s.byMunicipality.find((m) => m.key === 'kommun:0680')).toMatchObject({ invited: 2, answered: 2 });
    // Between answering respondents: a–b confirmed by both, a–d reported by both.
    expect(s.reciprocity).toEqual({ ties: 2, reciprocated: 2, rate: 1 });
    expect(s.text.sv).toContain('3 av 4');
  });
});

const newTieId = () => `tie:${tieKey({ type: 'COLLABORATES_WITH', from: 'org:a', to: 'org:d' })}`;

describe('answers are checked against the round and the catalogue', () => {
  const kinds = new Map(nodes.map((n) => [n.id, n.kind]));
  const ctx = {
    respondent: 'org:a',
    relationTypes: ['COLLABORATES_WITH'],
    ownTies: new Set(['rel:ab', 'rel:ac']),
    kindOf: (id: string) => kinds.get(id),
  };

  it('accepts its own ties and valid new ones', () => {
    expect(
      answerProblems(
        {
          ties: [{ relationId: 'rel:ab', status: 'confirm' }],
          newTies: [{ type: 'COLLABORATES_WITH', counterpartId: 'org:d' }],
        },
        ctx,
      ),
    ).toEqual([]);
  });

  it("refuses another organisation's tie, kinds outside the round, unknown nodes and topics", () => {
    const problems = answerProblems(
      {
        ties: [{ relationId: 'rel:cd', status: 'deny', topics: ['ssyk:9999'] }],
        newTies: [
          { type: 'MEMBER_OF', counterpartId: 'org:b' },
          { type: 'COLLABORATES_WITH', counterpartId: 'org:x' },
          { type: 'COLLABORATES_WITH' },
          { type: 'COLLABORATES_WITH', counterpartId: 'org:a' },
        ],
      },
      ctx,
    );
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      '/ties/0/topics/0 unknown_topic',
      '/ties/0/relationId not_own_tie',
      '/newTies/0/type type_not_in_round',
      '/newTies/1/to unknown_node',
      '/newTies/2 counterpart',
      '/newTies/3/to self_loop',
    ]);
    for (const p of problems) expect(p.message.sv && p.message.en).toBeTruthy();
  });
});

describe('rounds compared', () => {
  const round = (id: string, respondents: ReviewRespondent[]): Round => ({
    id,
    title: id,
    relationTypes: ['COLLABORATES_WITH'],
    closesAt: '2026-12-31',
    respondents,
  });
  const first = round('Vår', [
    answered('org:c', {
      ties: [
        { relationId: 'rel:cd', status: 'confirm' },
        { relationId: 'rel:ac', status: 'confirm' },
      ],
      newTies: [],
    }),
  ]);
  const second = round('Höst', [
    answered('org:c', {
      ties: [
        { relationId: 'rel:cd', status: 'confirm' },
        { relationId: 'rel:ac', status: 'deny' },
      ],
      newTies: [{ type: 'COLLABORATES_WITH', counterpartId: 'org:b' }],
    }),
  ]);

  it("a round's network keeps what answering ends confirmed, and non-respondents' ties as registered", () => {
    const net = roundNetwork(register, second);
    const ids = net.relations.map((r) => r.id).sort();
    expect(ids).toEqual(['rel:ab', 'rel:cd', 'survey:tie:COLLABORATES_WITH|org:b|org:c']);
  });

  it('new and lost ties with their basis, density, key-actor ranks, and the report section', () => {
    const c = compareRounds(register, first, second);
    expect(c.newTies).toEqual([expect.objectContaining({ from: 'org:c', to: 'org:b' })]);
    expect(c.lostTies).toEqual([expect.objectContaining({ from: 'org:a', to: 'org:c', basis: 'observed' })]);
    expect(c.from.ties).toBe(3);
    expect(c.to.ties).toBe(3);
    expect(c.from.density).toBeCloseTo(3 / 6);
    expect(c.from.reach.focus).toBe('');
    expect(c.keyActors.find((k) => k.id === 'org:a')?.rankFrom).toBe(1);
    const section = roundsSection(c, 'en');
    expect(section.heading).toBe('Survey rounds compared');
    expect(section.items?.map((i) => i.title)).toEqual(['New tie', 'No longer reported']);
    expect(section.paragraphs?.[0]).toContain('1 new ties');
  });
});
