import { describe, it, expect } from 'vitest';
import Value from 'typebox/value';
import { jonkopingBatch, FIXTURE_VERSION, SOURCES } from '../../fixtures/jonkoping/index.js';
import { RELATION_KINDS } from '../../core/model/catalogue/relation-kinds.js';
import { NODE_KINDS } from '../../core/model/catalogue/node-kinds.js';
import { EVIDENCE_LEVELS } from '../../core/model/records.js';

const batch = jonkopingBatch();
const nodeById = new Map(batch.nodes.map((n) => [n.id, n]));

const EXPECTED_KOMMUNKODER: Record<string, string> = {
  Aneby: '0604',
  Gnosjö: '0617',
  Mullsjö: '0642',
  Habo: '0643',
  Gislaved: '0662',
  Vaggeryd: '0665',
  Jönköping: '0680',
  Nässjö: '0682',
  Värnamo: '0683',
  Sävsjö: '0684',
  Vetlanda: '0685',
  Eksjö: '0686',
  Tranås: '0687',
};

const KOMPETENSRAD = 'nw:kompetensrad-jonkopings-lan';
const TRANAS = 'org:tranas-kommun';
const HOGLANDSFORBUNDET = 'org:hoglandsforbundet';

describe('Jönköpings län fixture', () => {
  it('has a version and returns fresh copies', () => {
    expect(FIXTURE_VERSION).toBe('2026-12-06');
    const a = jonkopingBatch();
    const b = jonkopingBatch();
    expect(a).toEqual(b);
    expect(a.nodes).not.toBe(b.nodes);
    a.nodes[0].name = 'changed';
    a.relations[0].sources[0].title = 'changed';
    expect(jonkopingBatch().nodes[0].name).not.toBe('changed');
    expect(jonkopingBatch().relations[0].sources[0].title).not.toBe('changed');
  });

  it('is large enough', () => {
    const orgs = batch.nodes.filter((n) => n.kind === 'Organisation');
    expect(orgs.length).toBeGreaterThanOrEqual(60);
    expect(batch.relations.length).toBeGreaterThanOrEqual(150);
  });

  it('has the 13 municipalities with the exact kommunkoder', () => {
    const municipalities = batch.nodes.filter((n) => n.kind === 'Municipality');
    expect(municipalities).toHaveLength(13);
    const byName = Object.fromEntries(municipalities.map((m) => [m.name, m]));
    for (const [name, code] of Object.entries(EXPECTED_KOMMUNKODER)) {
      const m = byName[name];
      expect(m, name).toBeDefined();
      expect(m.id).toBe(`kommun:${code}`);
      expect(m.props?.kommunkod).toBe(code);
      expect(m.props?.lanskod).toBe('06');
    }
  });

  it('has a kommun organisation located in each municipality', () => {
    for (const code of Object.values(EXPECTED_KOMMUNKODER)) {
      const kommunOrgs = batch.nodes.filter(
        (n) => n.kind === 'Organisation' && n.props?.orgType === 'kommun' && n.props?.kommunkod === code,
      );
      expect(kommunOrgs, code).toHaveLength(1);
      const org = kommunOrgs[0];
      expect(org.props?.municipality).toBe(`kommun:${code}`);
      expect(
        batch.relations.some((r) => r.type === 'LOCATED_IN' && r.from === org.id && r.to === `kommun:${code}`),
        org.id,
      ).toBe(true);
    }
  });

  it('has unique node ids and unique relation ids', () => {
    const nodeIds = batch.nodes.map((n) => n.id);
    expect(new Set(nodeIds).size).toBe(nodeIds.length);
    const relIds = batch.relations.map((r) => r.id);
    expect(relIds.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(relIds).size).toBe(relIds.length);
  });

  it('uses known node kinds, the kinds’ id prefixes and valid props', () => {
    for (const n of batch.nodes) {
      const kind = NODE_KINDS.find((k) => k.id === n.kind);
      expect(kind, `${n.id}: kind ${n.kind}`).toBeDefined();
      expect(n.id.startsWith(`${kind!.idPrefix}:`), n.id).toBe(true);
      expect(n.name.length).toBeGreaterThan(0);
      const ok = Value.Check(kind!.props, n.props ?? {});
      expect(ok, `${n.id}: ${JSON.stringify([...Value.Errors(kind!.props, n.props ?? {})])}`).toBe(true);
    }
  });

  it('has relation endpoints that exist and kinds allowed by the catalogue', () => {
    for (const r of batch.relations) {
      const from = nodeById.get(r.from);
      const to = nodeById.get(r.to);
      expect(from, `${r.id}: missing from ${r.from}`).toBeDefined();
      expect(to, `${r.id}: missing to ${r.to}`).toBeDefined();
      const kind = RELATION_KINDS.find((k) => k.id === r.type);
      expect(kind, `${r.id}: unknown type ${r.type}`).toBeDefined();
      expect(kind!.from.includes(from!.kind), `${r.id}: ${r.type} from ${from!.kind}`).toBe(true);
      expect(kind!.to.includes(to!.kind), `${r.id}: ${r.type} to ${to!.kind}`).toBe(true);
      const ok = Value.Check(kind!.props, r.props ?? {});
      expect(ok, `${r.id}: ${JSON.stringify([...Value.Errors(kind!.props, r.props ?? {})])}`).toBe(true);
    }
  });

  it('cites at least one source and an evidence level on every relation', () => {
    for (const r of batch.relations) {
      expect(r.sources.length, r.id).toBeGreaterThanOrEqual(1);
      for (const s of r.sources) {
        expect(s.url, r.id).toMatch(/^https?:\/\/\S+$/);
        expect(s.title.trim().length, r.id).toBeGreaterThan(0);
        if (s.date !== undefined) expect(s.date, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      expect(EVIDENCE_LEVELS as readonly string[]).toContain(r.evidence);
      expect(['confirmed', 'probable', 'uncertain']).toContain(r.evidence);
    }
  });

  it('has well-formed valid-time intervals', () => {
    for (const r of batch.relations) {
      for (const d of [r.validFrom, r.validTo]) {
        if (d !== undefined && d !== null) expect(d, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      if (r.validFrom && r.validTo) expect(r.validFrom <= r.validTo, r.id).toBe(true);
    }
  });

  it('only lists sources with public http(s) URLs, and uses every one of them', () => {
    const used = new Set(batch.relations.flatMap((r) => r.sources.map((s) => s.url)));
    for (const [key, s] of Object.entries(SOURCES)) {
      expect(s.url, key).toMatch(/^https?:\/\//);
      expect(used.has(s.url), `source ${key} is not used`).toBe(true);
    }
  });

  it('marks every relation touching the kompetensråd as uncertain', () => {
    const touching = batch.relations.filter((r) => r.from === KOMPETENSRAD || r.to === KOMPETENSRAD);
    expect(touching.length).toBeGreaterThan(0);
    for (const r of touching) expect(r.evidence, r.id).toBe('uncertain');
    expect(nodeById.get(KOMPETENSRAD)?.props?.existence).toBe('uncertain');
  });

  it('does not make Tranås a member of Höglandsförbundet', () => {
    const tranasToHf = batch.relations.filter((r) => r.from === TRANAS && r.to === HOGLANDSFORBUNDET);
    expect(tranasToHf).toEqual([]);
    expect(
      batch.relations.some(
        (r) => r.type === 'MEMBER_OF' && r.from === TRANAS && r.to === 'nw:hoglandsforbundet-beredningsgrupp-kompetens',
      ),
    ).toBe(false);
    // The five members are there.
    const members = batch.relations
      .filter((r) => (r.type === 'MEMBER_OF' || r.type === 'OWNS') && r.to === HOGLANDSFORBUNDET)
      .map((r) => r.from)
      .sort();
    expect(members).toEqual(
      ['org:aneby-kommun', 'org:eksjo-kommun', 'org:nassjo-kommun', 'org:savsjo-kommun', 'org:vetlanda-kommun'].sort(),
    );
  });

  it('models no Teknikcollege for the GGVV municipalities outside Södra Vätterbygden', () => {
    const tc = new Set(batch.nodes.filter((n) => n.id.startsWith('nw:teknikcollege-')).map((n) => n.id));
    for (const id of ['org:gislaveds-kommun', 'org:gnosjo-kommun', 'org:varnamo-kommun', TRANAS]) {
      expect(
        batch.relations.some((r) => r.type === 'MEMBER_OF' && r.from === id && tc.has(r.to)),
        id,
      ).toBe(false);
    }
  });

  it('has no organisationsnummer', () => {
    for (const n of batch.nodes) expect(n.props ?? {}, n.id).not.toHaveProperty('orgnr');
  });
});
