/**
 * core/analysis/scenario on the Jönköping fixture: a draft is validated by the catalogue, applied in memory, and
 * answered as differences of the key-actor panel and the gaps.
 */
import { describe, expect, it } from 'vitest';
import {
  runScenario,
  scenarioProblems,
  applyScenario,
  type ScenarioDraft,
} from '../../../core/analysis/scenario/index.js';
import { runPanel } from '../../../core/analysis/panel.js';
import { platformReach } from '../../../core/analysis/platform/index.js';
import { projectActors } from '../../../core/graph/projection.js';
import { jonkopingBatch } from '../../../fixtures/jonkoping/index.js';
import { fixtureSnapshot } from '../exchange/helpers.js';

const JTH = 'org:ju-jth';
const CAD = 'skill:cad';
const SOURCE = { url: 'https://ju.se/jth', title: 'JTH: utbildningar' };

/** The fixture with every EDUCATES_FOR tie to CAD left out: CAD has no registered provider. */
function withoutCadSupply() {
  const batch = jonkopingBatch();
  batch.relations = batch.relations.filter((r) => !(r.type === 'EDUCATES_FOR' && r.to === CAD));
  return fixtureSnapshot(batch);
}

const jthCad: ScenarioDraft = {
  add: { relations: [{ type: 'EDUCATES_FOR', from: JTH, to: CAD, evidence: 'probable', sources: [SOURCE] }] },
};

describe('scenarios ("Tänk om")', () => {
  it('an EDUCATES_FOR tie from JTH to CAD resolves "no provider for CAD", and changes no input', () => {
    const snapshot = withoutCadSupply();
    const copy = structuredClone(snapshot);
    const out = runScenario(snapshot, jthCad);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.summary).toEqual({ nodesAdded: 0, relationsAdded: 1, nodesRemoved: 0, relationsRemoved: 0 });
    const resolved = out.diff.findings.resolved.map((f) => f.id);
    expect(resolved).toContain(`supply:${CAD}`);
    const cad = out.diff.findings.resolved.find((f) => f.id === `supply:${CAD}`)!;
    expect(cad.gapKind).toBe('supply-none');
    expect(cad.title.sv).toContain('CAD');
    expect(out.diff.findings.new.map((f) => f.id)).not.toContain(`supply:${CAD}`);
    expect(out.diff.findings.unchanged).toBeGreaterThan(10);
    expect(snapshot).toEqual(copy);
  });

  it('lists every problem of an invalid draft, each with its path and a Swedish and English message', () => {
    const snapshot = withoutCadSupply();
    const problems = scenarioProblems(snapshot, {
      add: {
        nodes: [{ id: 'org:ny', kind: 'Organisation', name: 'Ny', props: { orgType: 'inte-en-typ' } }],
        relations: [
          { type: 'EDUCATES_FOR', from: 'org:finns-inte', to: CAD, evidence: 'probable', sources: [SOURCE] },
          { type: 'EDUCATES_FOR', from: CAD, to: JTH, evidence: 'probable', sources: [SOURCE] },
          { type: 'EDUCATES_FOR', from: JTH, to: CAD, evidence: 'probable', sources: [] },
        ],
      },
      remove: { nodes: ['org:saknas'], relations: ['rel:saknas'] },
    });
    const paths = problems.map((p) => `${p.path} ${p.code}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/remove/nodes/0 unknown_node',
        '/remove/relations/0 unknown_relation',
        '/add/relations/0/from unknown_node',
        '/add/relations/1/from endpoint_kind',
        '/add/relations/1/to endpoint_kind',
      ]),
    );
    expect(paths.some((p) => p.startsWith('/add/nodes/0/props/orgType'))).toBe(true);
    expect(paths.some((p) => p.startsWith('/add/relations/2/sources'))).toBe(true);
    for (const p of problems) {
      expect(p.message.sv.length).toBeGreaterThan(3);
      expect(p.message.en.length).toBeGreaterThan(3);
    }
    const refused = runScenario(snapshot, { remove: { nodes: ['org:saknas'] } });
    expect(refused).toEqual({ ok: false, problems: [expect.objectContaining({ path: '/remove/nodes/0' })] });
  });

  it('refuses to add what exists, and a tie to a node the draft removes', () => {
    const snapshot = fixtureSnapshot();
    const existing = snapshot.relations.find((r) => r.type === 'MEMBER_OF')!;
    const problems = scenarioProblems(snapshot, {
      add: {
        nodes: [{ id: JTH, kind: 'Organisation', name: 'JTH igen', props: { orgType: 'larosate' } }],
        relations: [
          { ...existing, id: existing.id },
          { type: 'COLLABORATES_WITH', from: JTH, to: existing.from, evidence: 'uncertain', sources: [SOURCE] },
        ],
      },
      remove: { nodes: [existing.from] },
    });
    const codes = problems.map((p) => `${p.path} ${p.code}`);
    expect(codes).toContain('/add/nodes/0/id already_exists');
    expect(codes).toContain('/add/relations/1/to unknown_node');
    const twice = scenarioProblems(withoutCadSupply(), {
      add: { relations: [jthCad.add!.relations![0], jthCad.add!.relations![0]] },
    });
    expect(twice.map((p) => `${p.path} ${p.code}`)).toEqual(['/add/relations/1 duplicate_relation']);
  });

  it('removing an actor takes its relations, and answers what the panel\'s "if this actor left" says', () => {
    const snapshot = fixtureSnapshot();
    const { graph } = projectActors(snapshot);
    const panel = runPanel(graph, { weight: null, seed: 1, restarts: 10 });
    const cut = panel.articulationPoints[0];
    expect(cut).toBeDefined();
    const applied = applyScenario(snapshot, { remove: { nodes: [cut] } });
    const touching = snapshot.relations.filter((r) => r.from === cut || r.to === cut).length;
    expect(applied.summary.relationsRemoved).toBe(touching);
    expect(applied.snapshot.relations.some((r) => r.from === cut || r.to === cut)).toBe(false);
    const out = runScenario(snapshot, { remove: { nodes: [cut] } });
    if (!out.ok) throw new Error('expected a valid draft');
    const net = out.diff.keyActors.network;
    expect(net.components.after).toBe(panel.nodes[cut].removal.componentsAfter);
    expect(net.fragmentation.after).toBeCloseTo(panel.nodes[cut].removal.fragmentationAfter!, 12);
    expect(net.fragmentation.before).toBeCloseTo(panel.graph.fragmentation!, 12);
    // The removed actor leaves the key-actor list if it was on it.
    const change = out.diff.keyActors.changes.find((c) => c.id === cut);
    if (change) expect(change.after).toBeNull();
    for (const c of out.diff.keyActors.changes) expect(c.before).not.toBe(c.after);
  });

  it("a tie the platform's invite list proposes gains, in the scenario, the municipalities the list says it would", () => {
    const snapshot = fixtureSnapshot();
    const pick = platformReach(snapshot, { invite: 1 }).invite.picks[0];
    expect(pick).toBeDefined();
    const out = runScenario(snapshot, {
      add: { relations: [{ ...pick.tie, evidence: 'uncertain', sources: [SOURCE] }] },
    });
    if (!out.ok) throw new Error(JSON.stringify(out.problems));
    const reach = out.diff.reach!;
    expect(reach.focus.id).toBe('nw:kompetensplattform-jonkopings-lan');
    expect(reach.municipalities.gained.map((m) => m.id).sort()).toEqual([...pick.gain.municipalities].sort());
    expect(reach.helix.gained.map((h) => h.id).sort()).toEqual([...pick.gain.helix].sort());
    expect(reach.actors.after - reach.actors.before).toBe(pick.gain.actors);
    expect(reach.actors.lost).toEqual([]);
    expect(reach.municipalities.after).toBe(reach.municipalities.before + pick.gain.municipalities.length);
  });

  it('removing the platform itself loses its whole reach, and a register without one answers no reach', () => {
    const snapshot = fixtureSnapshot();
    const gone = runScenario(snapshot, { remove: { nodes: ['nw:kompetensplattform-jonkopings-lan'] } });
    if (!gone.ok) throw new Error('expected a valid draft');
    expect(gone.diff.reach!.actors.after).toBe(0);
    expect(gone.diff.reach!.actors.lost.length).toBe(gone.diff.reach!.actors.before);
    const without = {
      ...snapshot,
      nodes: snapshot.nodes.filter((n) => n.kind !== 'Network' || n.props.networkType !== 'kompetensplattform'),
    };
    without.relations = without.relations.filter(
      (r) => without.nodes.some((n) => n.id === r.to) && without.nodes.some((n) => n.id === r.from),
    );
    const none = runScenario(without, jthCad);
    if (!none.ok) throw new Error('expected a valid draft');
    expect(none.diff.reach).toBeNull();
  });
});
