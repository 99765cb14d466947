/**
 * /api/analysis and /api/gaps on the seeded Jönköping fixture (fixtures/jonkoping), through app.inject.
 *
 * The analyst questions are domain.md (c). Every expected answer below was worked out by hand from
 * fixtures/jonkoping/relations.ts and nodes.ts; the comment above each one shows the derivation.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { sqliteApp, tempDbPath } from '../helpers/app.js';
import { networkx } from '../helpers/networkx.js';
import { GAP_KIND_IDS } from '../../core/analysis/gaps/index.js';
import { METRICS } from '../../core/analysis/registry.js';
import { projectActors } from '../../core/graph/projection.js';
import type { Snapshot } from '../../core/model/records.js';
import { jonkopingBatch } from '../../fixtures/jonkoping/index.js';
import errors from '../../server/plugins/errors.js';
import storePlugin from '../../server/plugins/store.js';
import jobsPlugin from '../../server/jobs/plugin.js';
import { installValidators } from '../../server/plugins/validators.js';
import analysis from '../../server/routes/analysis.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { seedIfEmpty } from '../../server/seed.js';

interface Finding {
  id: string;
  kind: string;
  gapKind: string;
  severity: string;
  title: { sv: string; en: string };
  explanation: { sv: string; en: string };
  nodeIds: string[];
  missingTies?: Array<{ from: string; to: string; type: string }>;
  metrics?: Record<string, number>;
  details?: Record<string, unknown>;
}

const PLATFORM = 'nw:kompetensplattform-jonkopings-lan';

describe('API: coordination gaps and key actors on the Jönköping fixture', () => {
  let app: FastifyInstance;
  const gaps = async (query = ''): Promise<Finding[]> => {
    const res = await app.inject({ method: 'GET', url: `/api/gaps${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().findings as Finding[];
  };
  const ofKind = (fs: Finding[], kind: string) => fs.filter((f) => f.gapKind === kind);
  const find = (fs: Finding[], id: string) => {
    const f = fs.find((x) => x.id === id);
    expect(f, `finding ${id}`).toBeDefined();
    return f!;
  };

  beforeAll(async () => {
    ({ app } = await sqliteApp({ seed: true }));
  });
  afterAll(async () => app.close());

  it('GET /api/gaps returns every gap kind, each finding explained in Swedish and English', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/gaps' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.projection).toMatchObject({
      mode: 'one-mode',
      coMembershipWeight: 'newman',
      actors: 110,
      weightMeaning: 'strength',
    });
    expect(body.gapKinds.map((d: { id: string }) => d.id)).toEqual([...GAP_KIND_IDS]);
    const findings = body.findings as Finding[];
    expect(new Set(findings.map((f) => f.gapKind))).toEqual(new Set(GAP_KIND_IDS));
    for (const f of findings) {
      expect(f.title.sv.length, f.id).toBeGreaterThan(5);
      expect(f.title.en.length, f.id).toBeGreaterThan(5);
      expect(f.explanation.sv.length, f.id).toBeGreaterThan(40);
      expect(f.explanation.en.length, f.id).toBeGreaterThan(40);
      expect(['high', 'medium', 'low']).toContain(f.severity);
    }
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    // The platform-link kind finds Sörängens folkhögskola in the default top 10 (see Q12 below).
    const withLink = await gaps('?kinds=platform-link&topN=15');
    expect(withLink.length).toBeGreaterThan(0);
    for (const f of withLink) expect(f.explanation.en.length).toBeGreaterThan(40);
  });

  it('Q1: shortage occupations (and demanded skills) with no education in the county', async () => {
    // The 16 occupations with shortage = 'brist' (nodes.ts): 2144, 2211, 2221, 2222, 2224, 2228, 2260, 2281, 2341,
    // 2343, 2512, 5120, 7126, 7222, 7231, 7411. EDUCATES_FOR into occupations (relations.ts): sjuksköterske-
    // programmet → 2221, LOVE förskollärarprogram → 2343, Njudung verktygstekniker → 7222, VO-programmet → 5321 and
    // 5323 (not shortage). So 13 shortage occupations have no provider. The three skills sector C demands (automation/
    // robotteknik, CAD, styrteknik) have no EDUCATES_FOR either.
    const fs = ofKind(await gaps('?kinds=supply-none'), 'supply-none');
    expect(fs.map((f) => f.id).sort()).toEqual([
      'supply:skill:automation-robotteknik',
      'supply:skill:cad',
      'supply:skill:styrteknik',
      'supply:ssyk:2144',
      'supply:ssyk:2211',
      'supply:ssyk:2222',
      'supply:ssyk:2224',
      'supply:ssyk:2228',
      'supply:ssyk:2260',
      'supply:ssyk:2281',
      'supply:ssyk:2341',
      'supply:ssyk:2512',
      'supply:ssyk:5120',
      'supply:ssyk:7126',
      'supply:ssyk:7231',
      'supply:ssyk:7411',
    ]);
    // Barnmorskor is demanded by the Region itself and by sector 86: high, named.
    const midwives = find(fs, 'supply:ssyk:2222');
    expect(midwives.severity).toBe('high');
    expect(midwives.explanation.sv).toMatch(
      /^Barnmorskor \(SSYK 2222\) efterfrågas av Region Jönköpings län och branschen Hälso- och sjukvård \(SNI 86\) men ingen aktör i länet utbildar för yrket\./,
    );
    // Skills are not assessed as shortage: medium.
    expect(find(fs, 'supply:skill:cad').severity).toBe('medium');
  });

  it('Q1b: providers out of reach of the demanding actors (k steps)', async () => {
    // 7222 Verktygsmakare: demanded by sector C, whose actors are IF Metall and Teknikföretagen (REPRESENTS sni:C).
    // The only provider is Njudungsgymnasiet (OFFERS edu:njudung-verktygstekniker). IF Metall's and Teknikföretagen's
    // contacts are the members of TC Södra Vätterbygden and Industrirådet; Njudung's are the members of TC Höglandet,
    // VO-College Höglandet, Vetlanda kommun (operates it) and Stiftelsen Seydlitz (funds it) – no overlap, so the
    // distance is 3 (e.g. IF Metall – Habo kommun – Aneby kommun – Njudungsgymnasiet) > k = 2.
    // 2221 Sjuksköterskor: Region (demander) – JU (shared Science Park-systemet) – Hälsohögskolan (PART_OF JU, offers
    // the programme) = 2 steps: fine at k = 2, a gap at k = 1. 2343 has no demanding actor (sector P has none).
    const k2 = ofKind(await gaps('?kinds=supply-reach'), 'supply-reach');
    expect(k2.map((f) => f.id)).toEqual(['supply-reach:ssyk:7222']);
    expect(k2[0].metrics).toMatchObject({ k: 2, distance: 3, demanders: 2, suppliers: 1, unreachable: 2 });
    expect(k2[0].missingTies).toEqual([
      { from: 'org:if-metall', to: 'org:njudungsgymnasiet', type: 'COLLABORATES_WITH' },
      { from: 'org:teknikforetagen', to: 'org:njudungsgymnasiet', type: 'COLLABORATES_WITH' },
    ]);
    const k1 = ofKind(await gaps('?kinds=supply-reach&k=1'), 'supply-reach');
    expect(k1.map((f) => f.id).sort()).toEqual(['supply-reach:ssyk:2221', 'supply-reach:ssyk:7222']);
    expect(find(k1, 'supply-reach:ssyk:2221').metrics).toMatchObject({ distance: 2 });
    expect(find(k1, 'supply-reach:ssyk:2221').explanation.sv).toContain(
      'Region Jönköpings län – Jönköping University (Stiftelsen Högskolan i Jönköping) – Hälsohögskolan (JU)',
    );
  });

  it('Q2: municipalities in the platform network, directly or through a förbund or college (Tranås and GGVV first)', async () => {
    // No kommun organisation is itself MEMBER_OF/COORDINATES/CHAIRS nw:kompetensplattform-jonkopings-lan and the
    // platform COVERS no place → 0 direct. VO-College Jönköpings län is PART_OF the platform (probable) and all 13
    // kommun organisations are MEMBER_OF it → all 13 indirect at 2 steps, none missing.
    // Tranås: not in Höglandsförbundet, TC Höglandet or Integrationsrådet → the only 2-step route is VO-College
    // Jönköpings län (VO-College Höglandet → VO-College län → platform is 3 steps). Värnamo: the same, 1 route.
    // Gislaved and Gnosjö: VO-College län + Integrationsrådet (2). Vaggeryd: VO-College län + TC Södra Vätterbygden (2).
    // Aneby and Eksjö: VO-College län, Höglandsförbundet (MEMBER_OF, itself MEMBER_OF the platform), TC Höglandet,
    // Integrationsrådet (4). Nässjö, Sävsjö, Vetlanda: the same without Integrationsrådet (3). Habo and Jönköping:
    // VO-College län, TC Södra Vätterbygden, Integrationsrådet (3). Mullsjö: VO-College län, TC Södra Vätterbygden (2).
    const fs = await gaps(`?kinds=coverage&network=${PLATFORM}`);
    const summary = find(fs, `coverage:${PLATFORM}`);
    expect(summary.metrics).toMatchObject({ municipalities: 13, direct: 0, indirect: 13, notCovered: 0 });
    expect(summary.severity).toBe('low');
    const rows = summary.details!.municipalities as Array<{
      id: string;
      status: string;
      routes: number;
      distance: number;
    }>;
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.status, r.distance, r.routes]]))).toEqual({
      'kommun:0604': ['indirect', 2, 4], // Aneby
      'kommun:0617': ['indirect', 2, 2], // Gnosjö
      'kommun:0642': ['indirect', 2, 2], // Mullsjö
      'kommun:0643': ['indirect', 2, 3], // Habo
      'kommun:0662': ['indirect', 2, 2], // Gislaved
      'kommun:0665': ['indirect', 2, 2], // Vaggeryd
      'kommun:0680': ['indirect', 2, 3], // Jönköping
      'kommun:0682': ['indirect', 2, 3], // Nässjö
      'kommun:0683': ['indirect', 2, 1], // Värnamo
      'kommun:0684': ['indirect', 2, 3], // Sävsjö
      'kommun:0685': ['indirect', 2, 3], // Vetlanda
      'kommun:0686': ['indirect', 2, 4], // Eksjö
      'kommun:0687': ['indirect', 2, 1], // Tranås
    });
    const tranas = find(fs, `coverage:${PLATFORM}:kommun:0687`);
    expect(tranas.details!.chain).toEqual([
      { from: 'org:tranas-kommun', to: 'nw:vo-college-jonkopings-lan', type: 'MEMBER_OF', evidence: 'confirmed' },
      { from: 'nw:vo-college-jonkopings-lan', to: PLATFORM, type: 'PART_OF', evidence: 'probable' },
    ]);
    expect(tranas.explanation.sv).toContain(
      'Tranås kommun är medlem i Vård- och omsorgscollege Jönköpings län, som är del av Regional kompetensplattform',
    );
    expect(tranas.explanation.sv).toContain('Svagaste belägget i kedjan: trolig');
    // Only confirmed relations: the platform's sub-network ties are probable or uncertain, so no municipality is in;
    // VO-College Jönköpings län (whose PART_OF is only probable) closes the whole gap alone.
    const strict = await gaps(`?kinds=coverage&network=${PLATFORM}&minEvidence=confirmed`);
    const s = find(strict, `coverage:${PLATFORM}`);
    expect(s.metrics).toMatchObject({ direct: 0, indirect: 0, notCovered: 13, coverSize: 1, coverExact: 1 });
    expect(s.missingTies).toEqual([{ from: 'nw:vo-college-jonkopings-lan', to: PLATFORM, type: 'PART_OF' }]);
  });

  it('Q5: which municipalities lack a Teknikcollege', async () => {
    // Teknikcollege Sverige is the top-level college (TC Höglandet and TC Södra Vätterbygden are PART_OF it).
    // TC Höglandet: Aneby, Eksjö, Nässjö, Sävsjö, Vetlanda (MEMBER_OF, "via Höglandsförbundet"). TC Södra
    // Vätterbygden: Habo, Jönköping, Mullsjö, Vaggeryd. Gislaved, Gnosjö, Tranås and Värnamo belong to no TC network
    // and to no förbund inside one → not covered. Smallest set to close the gap: Finnvedens samordningsförbund brings
    // Gislaved, Gnosjö and Värnamo (its kommun members); Tranås only comes with Tranås kommun, its unit or Höglands
    // samordningsförbund (which also brings five already covered) → Finnveden + Tranås kommun. No single actor brings
    // all four, so 2 is the minimum (for a college only organisations are candidates).
    const fs = await gaps('?kinds=coverage');
    const tc = find(fs, 'coverage:nw:teknikcollege-sverige');
    expect(tc.metrics).toMatchObject({ direct: 0, indirect: 9, notCovered: 4, coverSize: 2, coverExact: 1 });
    const missing = fs
      .filter((f) => f.id.startsWith('coverage:nw:teknikcollege-sverige:') && f.severity === 'high')
      .map((f) => f.id.split(':').slice(-2).join(':'));
    expect(missing.sort()).toEqual(['kommun:0617', 'kommun:0662', 'kommun:0683', 'kommun:0687']); // Gnosjö, Gislaved, Värnamo, Tranås
    expect(tc.explanation.sv).toContain('4 inte alls (Gislaved, Gnosjö, Tranås och Värnamo)');
    expect(tc.missingTies).toEqual([
      { from: 'org:finnvedens-samordningsforbund', to: 'nw:teknikcollege-sverige', type: 'MEMBER_OF' },
      { from: 'org:tranas-kommun', to: 'nw:teknikcollege-sverige', type: 'MEMBER_OF' },
    ]);
    // All 13 kommun organisations are members of VO-College Jönköpings län: no finding for it.
    expect(fs.some((f) => f.id.startsWith('coverage:nw:vo-college-jonkopings-lan'))).toBe(false);
  });

  it('Q4: top brokers by betweenness (checked against NetworkX) and what happens if one leaves', async () => {
    // JU ties the academic and innovation projects (ProWood, LOVE, e-merge, Innovation Runway, Campus Tranås) to the
    // municipalities, and is the only tie of its schools (PART_OF: Hälsohögskolan, JIBS, HLK, Encell); the Region alone
    // reaches the actors that have no other tie (agencies, the organisations it funds, its units ANA and Kommunal
    // utveckling, and through Sörängen the Jönköping and Ädelfors folk high schools). Then three municipalities that
    // are broad members: Värnamo (alone links STC, Campus Värnamo and Finnveden) just above Habo and Jönköping, which
    // sit in exactly the same networks (VO-College Jönköping, TC Södra Vätterbygden, Integrationsrådet, Södra
    // Vätterbygdens samordningsförbund, Science Park-systemet) and so tie. NetworkX below confirms the values.
    const res = await app.inject({ method: 'GET', url: '/api/analysis?metrics=betweenness' });
    expect(res.statusCode).toBe(200);
    const nodes = res.json().nodes as Record<string, { betweenness: number }>;
    const top = Object.entries(nodes)
      .sort((a, b) => b[1].betweenness - a[1].betweenness || a[0].localeCompare(b[0]))
      .slice(0, 5)
      .map(([id]) => id);
    expect(top).toEqual([
      'org:jonkoping-university',
      'org:region-jonkopings-lan',
      'org:varnamo-kommun',
      'org:habo-kommun',
      'org:jonkopings-kommun',
    ]);
    expect(nodes['org:habo-kommun'].betweenness).toBeCloseTo(nodes['org:jonkopings-kommun'].betweenness, 12);

    // NetworkX on the same projection (built from the fixture, unweighted).
    const meta = { version: 1, createdAt: 'x', createdBy: 'x', updatedAt: 'x', updatedBy: 'x' };
    const batch = jonkopingBatch();
    const snap: Snapshot = {
      nodes: batch.nodes.map((n) => ({ ...n, props: n.props ?? {}, ...meta })),
      relations: batch.relations.map((r, i) => ({
        ...r,
        id: r.id ?? `r${i}`,
        weight: r.weight ?? 1,
        props: r.props ?? {},
        validFrom: r.validFrom ?? null,
        validTo: r.validTo ?? null,
        ...meta,
      })),
    };
    const { graph } = projectActors(snap);
    const nx = networkx({
      directed: false,
      weighted: false,
      nodes: graph.nodes(),
      edges: graph.mapEdges((_e, _a, s, t) => [s, t] as [string, string]),
    });
    for (const id of top) expect(nodes[id].betweenness, id).toBeCloseTo(nx.nodes[id].betweenness, 9);

    // If the Region left: it is the cut point with the largest growth of fragmentation; Tillväxtverket, MYH,
    // Skolverket, Värnamo folkhögskola, Coompanion, Ung Företagsamhet, Företagsjouren and its committee ANA (PART_OF)
    // have ties only to the Region and become 8 isolates; Sörängens folkhögskola with Jönköpings folkhögskola (part of
    // it) and Ädelfors (which operates that one) becomes a ninth component: 11 actors cut off, 9 new components.
    // (Kommunal utveckling stays: it coordinates VO-College.)
    const region = find(await gaps('?kinds=fragility'), 'fragility:cut:org:region-jonkopings-lan');
    expect(region.metrics).toMatchObject({ rank: 1, cutOff: 11, deltaComponents: 9 });
    expect(region.severity).toBe('high');
    expect([...region.nodeIds].sort()).toEqual([
      'org:adelfors-folkhogskola',
      'org:coompanion-jonkoping',
      'org:foretagsjouren',
      'org:jonkopings-folkhogskola',
      'org:myndigheten-for-yrkeshogskolan',
      'org:region-jonkopings-lan',
      'org:rjl-ana-namnden',
      'org:skolverket',
      'org:sorangens-folkhogskola',
      'org:tillvaxtverket',
      'org:ung-foretagsamhet-jonkoping',
      'org:varnamo-folkhogskola',
    ]);
  });

  it('Q8: sectors and employers with demand that reach no network', async () => {
    // DEMANDS come from the Region (member of many networks), sni:86 (the Region is ACTIVE_IN it → linked),
    // sni:C (IF Metall and Teknikföretagen REPRESENT it and are members of TC Södra Vätterbygden → linked), and
    // sni:P, sni:J, sni:F, sni:I, sni:45, which no organisation is ACTIVE_IN or REPRESENTS → unlinked.
    const fs = ofKind(await gaps('?kinds=unlinked-demand'), 'unlinked-demand');
    expect(fs.map((f) => f.id).sort()).toEqual([
      'unlinked-demand:sni:45',
      'unlinked-demand:sni:F',
      'unlinked-demand:sni:I',
      'unlinked-demand:sni:J',
      'unlinked-demand:sni:P',
    ]);
    expect(find(fs, 'unlinked-demand:sni:F').explanation.sv).toBe(
      'Branschen Byggverksamhet (SNI F) efterfrågar Installations- och serviceelektriker (SSYK 7411) och Kyl- och värmepumpstekniker m.fl. (SSYK 7126), men ingen aktör i registret är verksam i eller företräder branschen, så efterfrågan når inget nätverk, college, råd eller projekt.',
    );
  });

  it('Q10: who holds the network together – cut points and bridges', async () => {
    // Each actor below has an actor that hangs on it alone in the projection, so it is a cut point:
    // Gnosjö kommun (operates GKC), Värnamo kommun (operates STC), the Region (its units, agencies and funded
    // organisations, and Sörängen's chain), JU (its schools Hälsohögskolan, JIBS, HLK, Encell), Campus Värnamo
    // (MP Bolagen's only tie), Bäckadalsgymnasiet (Husqvarna's), Njudungsgymnasiet (Stiftelsen Seydlitz's), STC
    // (Föreningen för kompetensförsörjning i Småland's), Träcentrum (Gislaveds gymnasium's), Sörängens folkhögskola
    // (Jönköpings folkhögskola is PART_OF it) and Jönköpings folkhögskola (Ädelfors operates it).
    // Bridges: 19 single ties (pendant) plus three with two or more actors on each side: Värnamo kommun – STC (STC and
    // Föreningen), the Region – Sörängen (Sörängen, Jönköpings fhsk, Ädelfors) and Sörängen – Jönköpings fhsk
    // (Jönköpings fhsk and Ädelfors).
    const res = await app.inject({ method: 'GET', url: '/api/analysis?metrics=articulationPoint,bridges' });
    const body = res.json();
    expect([...body.articulationPoints].sort()).toEqual([
      'org:backadalsgymnasiet',
      'org:campus-varnamo',
      'org:gnosjo-kommun',
      'org:jonkoping-university',
      'org:jonkopings-folkhogskola',
      'org:njudungsgymnasiet',
      'org:region-jonkopings-lan',
      'org:smalands-tekniska-college',
      'org:sorangens-folkhogskola',
      'org:tracentrum',
      'org:varnamo-kommun',
    ]);
    expect(body.bridges).toHaveLength(22);
    expect(body.bridges.map((b: string[]) => [...b].sort().join('|'))).toContain(
      'org:smalands-tekniska-college|org:varnamo-kommun',
    );
    const fragility = await gaps('?kinds=fragility');
    expect(
      fragility
        .filter((f) => f.id.startsWith('fragility:bridge:'))
        .map((f) => f.id)
        .sort(),
    ).toEqual([
      'fragility:bridge:org:jonkopings-folkhogskola|org:sorangens-folkhogskola',
      'fragility:bridge:org:region-jonkopings-lan|org:sorangens-folkhogskola',
      'fragility:bridge:org:smalands-tekniska-college|org:varnamo-kommun',
    ]);
    expect(find(fragility, 'fragility:summary').metrics).toMatchObject({
      articulationPoints: 11,
      bridges: 22,
      pendantBridges: 19,
    });
    // Communities: Louvain finds several; the actor projection is not one block.
    expect(body.communities.count).toBeGreaterThan(2);
    expect(body.communities.modularity).toBeGreaterThan(0.3);
  });

  it('Q12: key actors still not linked to the platform', async () => {
    // Top 10 by betweenness: JU, Region, Värnamo, Habo, Jönköping, Sörängens folkhögskola, Vetlanda, Mullsjö,
    // Vaggeryd, Gnosjö; top 10 by degree: JU, Region, Habo, Jönköping, Eksjö, Aneby, Gislaved, Gnosjö, Mullsjö,
    // Vaggeryd. Every kommun is a member of VO-College Jönköpings län (part of the platform); JU is in Integrationsrådet
    // and the 2021 forum (both part of it); the Region coordinates it. Sörängens folkhögskola is a broker only because
    // Jönköpings and Ädelfors folk high schools hang on it; it is operated by the Region but is itself in no network:
    // the one key actor missing.
    expect(ofKind(await gaps('?kinds=platform-link'), 'platform-link').map((f) => f.id)).toEqual([
      'platform-link:org:sorangens-folkhogskola',
    ]);
    // Top 15 adds, by betweenness, Eksjö, Träcentrum (Branschråd Trä, part of the platform), Campus Värnamo, and
    // Bäckadalsgymnasiet, Jönköpings folkhögskola and Njudungsgymnasiet (tied); STC ties with them too and is kept by
    // the tie rule. Campus Värnamo (only in LOVE), STC (operated by Värnamo kommun, collaborates with Föreningen) and
    // Jönköpings folkhögskola (part of Sörängen) have no affiliation with the platform or any of its sub-networks;
    // Bäckadal and Njudung are in the two Teknikcolleges.
    const fs = ofKind(await gaps('?kinds=platform-link&topN=15'), 'platform-link');
    expect(fs.map((f) => f.id).sort()).toEqual([
      'platform-link:org:campus-varnamo',
      'platform-link:org:jonkopings-folkhogskola',
      'platform-link:org:smalands-tekniska-college',
      'platform-link:org:sorangens-folkhogskola',
    ]);
    const campus = find(fs, 'platform-link:org:campus-varnamo');
    expect(campus.severity).toBe('high');
    expect(campus.metrics).toMatchObject({ betweennessRank: 13, degree: 7 });
    expect(campus.missingTies).toEqual([{ from: 'org:campus-varnamo', to: PLATFORM, type: 'MEMBER_OF' }]);
  });

  it('no seat data: the tool says the analysis cannot be made', async () => {
    // No MEMBER_OF in relations.ts carries seats, seatsWomen or seatsMen.
    const fs = ofKind(await gaps('?kinds=seat-balance,supply-volume'), 'seat-balance');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ id: 'seat-balance:no-data', kind: 'no-data', nodeIds: [] });
  });

  it('GET /api/analysis returns the panel with the projection metadata and the registry', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/analysis' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // 110 organisations (nodes.ts); 26 networks, of which Träregion Småland has no actor relation → 25 affiliations.
    expect(body.projection).toMatchObject({
      mode: 'one-mode',
      actors: 110,
      affiliations: 25,
      coMembershipWeight: 'newman',
      asOf: null,
    });
    expect(body.parameters).toMatchObject({ weight: 'none', seed: 1, mode: 'one-mode', partition: null });
    expect(body.registry.map((m: { id: string }) => m.id)).toEqual(METRICS.map((m) => m.id));
    expect(Object.keys(body.nodes)).toHaveLength(110);
    const ju = body.nodes['org:jonkoping-university'];
    for (const key of [
      'degree',
      'betweenness',
      'closeness',
      'eigenvector',
      'pagerank',
      'coreNumber',
      'constraint',
      'community',
      'removal',
      'brokerage',
    ])
      expect(ju, key).toHaveProperty(key);
    expect(body.graph).toMatchObject({ nodes: 110, directed: false, weighted: false });
    expect(body.graph.components).toBeGreaterThan(1);

    // Chosen metrics only, a partition, the two-mode view.
    const some = (await app.inject({ method: 'GET', url: '/api/analysis?metrics=degree&partition=orgType' })).json();
    expect(Object.keys(some.nodes['org:jonkoping-university']).sort()).toEqual([
      'degree',
      'inDegree',
      'kind',
      'name',
      'outDegree',
      'strength',
    ]);
    expect(some.groups.attribute).toBe('orgType');
    expect(some.groups.names).toContain('kommun');
    const community = await app.inject({ method: 'GET', url: '/api/analysis?metrics=brokerage&partition=community' });
    expect(community.statusCode).toBe(200);
    expect(community.json().groups.names.length).toBe(community.json().communities.count);
    // Two-mode: Science Park-systemet has 19 affiliated actors (13 kommuner, JU, the Region, Svenskt Näringsliv,
    // Företagarna, Handelskammaren, Science Park Jönköping AB); the Region's MEMBER_OF and FUNDS count once.
    const two = (await app.inject({ method: 'GET', url: '/api/analysis?mode=two-mode&metrics=degree' })).json();
    expect(two.projection.mode).toBe('two-mode');
    expect(two.nodes['nw:science-park-systemet']).toMatchObject({ kind: 'Network', mode: 'affiliation', degree: 19 });
    const asOf = (await app.inject({ method: 'GET', url: '/api/analysis?metrics=degree&asOf=2010-06-01' })).json();
    expect(asOf.projection.asOf).toBe('2010-06-01');
    const weighted = (await app.inject({ method: 'GET', url: '/api/analysis?metrics=degree&weight=strength' })).json();
    expect(weighted.graph.weighted).toBe(true);
  });

  it('samples=k estimates the path metrics from k sources and says so; exact by default', async () => {
    const exact = (await app.inject({ method: 'GET', url: '/api/analysis?metrics=betweenness' })).json();
    expect(exact.paths).toEqual({ exact: true, sources: 110, seed: null });
    expect(exact.parameters.samples).toBeNull();
    const res = await app.inject({ method: 'GET', url: '/api/analysis?metrics=betweenness&samples=20&seed=7' });
    expect(res.statusCode).toBe(200);
    const sampled = res.json();
    expect(sampled.paths).toEqual({ exact: false, sources: 20, seed: 7 });
    expect(sampled.warnings.join(' ')).toMatch(/20 of 110 sources/);
    const differs = Object.keys(exact.nodes).some(
      (id) => exact.nodes[id].betweenness !== sampled.nodes[id].betweenness,
    );
    expect(differs).toBe(true);
    const bad = await app.inject({ method: 'GET', url: '/api/analysis?samples=0' });
    expect(bad.statusCode).toBe(400);
  });

  it('bad parameters give 400 problem+json naming the parameter', async () => {
    const cases: Array<[string, string]> = [
      ['/api/analysis?metrics=degree,nope', '/querystring/metrics'],
      ['/api/analysis?partition=nope', '/querystring/partition'],
      ['/api/analysis?relationTypes=NOPE', '/querystring/relationTypes'],
      ['/api/analysis?mode=three-mode', '/querystring/mode'],
      ['/api/analysis?seed=-1', '/querystring/seed'],
      ['/api/gaps?k=0', '/querystring/k'],
      ['/api/gaps?k=7', '/querystring/k'],
      ['/api/gaps?kinds=supply-none,nope', '/querystring/kinds'],
      ['/api/gaps?network=nw:nope', '/querystring/network'],
      ['/api/gaps?partitions=orgType,nope', '/querystring/partitions'],
      ['/api/gaps?densityThreshold=2', '/querystring/densityThreshold'],
      ['/api/gaps?asOf=2020', '/querystring/asOf'],
    ];
    for (const [url, path] of cases) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
      expect(
        res.json().problems.map((p: { path: string }) => p.path),
        url,
      ).toContain(path);
    }
  });
});

describe('API: a metric limit the graph exceeds', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // The routes as registered by the app, with a tiny limit for betweenness (the real limit is 100 000 nodes).
    const store = new SqliteStore(tempDbPath());
    await seedIfEmpty(store);
    app = Fastify();
    installValidators(app);
    await app.register(errors);
    await app.register(storePlugin, { store });
    await app.register(jobsPlugin);
    await app.register(analysis, { limits: { betweenness: { maxNodes: 50 } } });
  });
  afterAll(async () => app.close());

  it('is a 400 naming metrics, unless that metric is left out', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/analysis?metrics=degree,betweenness' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'graph_too_large',
      problems: [{ path: '/querystring/metrics', code: 'graph_too_large' }],
    });
    expect(res.json().detail).toContain('betweenness');
    expect((await app.inject({ method: 'GET', url: '/api/analysis?metrics=degree' })).statusCode).toBe(200);
  });
});
