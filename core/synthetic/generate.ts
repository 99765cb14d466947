import type { Batch, NodeInput, RelationInput } from '../model/records.js';
import { mulberry32 } from '../analysis/rng.js';
import { COUNTY_CODES, JONKOPING_MUNICIPALITIES } from '../model/kommunkod.js';

/**
 * A deterministic (seeded) generator of realistic competence-supply networks for benchmarks and scale tests:
 * regions with municipalities, education providers, employers, business organisations and unions, and networks
 * (platforms, councils, colleges, projects) with memberships, plus supply (EDUCATES_FOR) and demand (DEMANDS)
 * ties to occupations and a few direct collaborations. Sizes follow the county fixture's proportions.
 */
export interface GenerateOptions {
  /** Number of Organisation actors (the rest are networks, places and occupations). */
  actors: number;
  seed?: number;
  /** Mean number of network memberships per actor. */
  membershipsPerActor?: number;
}

const SOURCE = [{ url: 'https://example.org/synthetic', title: 'Syntetiska testdata (genererade)' }];
const ORG_TYPES = [
  'gymnasieskola',
  'yh_anordnare',
  'komvux',
  'folkhogskola',
  'arbetsgivare',
  'arbetsgivare',
  'arbetsgivare',
  'naringslivsorganisation',
  'fackforbund',
  'arbetsgivare',
];
const NETWORK_TYPES = ['kompetensrad', 'branschrad', 'college', 'forum', 'projekt', 'samverkan'];
const OCCUPATIONS = [
  '2221',
  '2222',
  '2341',
  '2343',
  '2512',
  '5120',
  '5321',
  '7126',
  '7222',
  '7231',
  '7411',
  '8211',
  '8332',
  '9111',
];

export function generateNetwork(options: GenerateOptions): Batch {
  const rnd = mulberry32(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const n = Math.max(10, Math.floor(options.actors));
  const nodes: NodeInput[] = [];
  const relations: RelationInput[] = [];
  const rel = (type: string, from: string, to: string, suffix = '', extra: Partial<RelationInput> = {}) =>
    relations.push({
      id: `rel:${type.toLowerCase()}:${from}:${to}${suffix}`,
      type,
      from,
      to,
      sources: SOURCE,
      evidence: rnd() < 0.8 ? 'confirmed' : rnd() < 0.5 ? 'probable' : 'uncertain',
      ...extra,
    });

  // Geography: about 1 region per 500 actors (at most 21), about 14 municipalities per region (at most 290 in all).
  const regions = Math.min(21, Math.max(1, Math.round(n / 500)));
  const perRegion = Math.max(2, Math.min(14, Math.round(290 / regions)));
  const municipalities: string[] = [];
  const counties = Object.keys(COUNTY_CODES);
  for (let r = 0; r < regions; r++) {
    const county = counties[r];
    const region = `org:syn-region-${r}`;
    nodes.push({
      id: region,
      kind: 'Organisation',
      name: `Region ${r}`,
      props: { orgType: 'region', level: 'regional' },
    });
    const platform = `nw:syn-plattform-${r}`;
    nodes.push({
      id: platform,
      kind: 'Network',
      name: `Kompetensplattform ${r}`,
      props: { networkType: 'kompetensplattform' },
    });
    rel('COORDINATES', region, platform);
    for (let m = 0; m < perRegion; m++) {
      // Real county prefixes; Jönköpings län keeps its 13 real codes.
      const code =
        county === '06' ? Object.keys(JONKOPING_MUNICIPALITIES)[m % 13] : `${county}${String(m + 1).padStart(2, '0')}`;
      const place = `kommun:${code}`;
      if (municipalities.includes(place)) continue;
      municipalities.push(place);
      nodes.push({ id: place, kind: 'Municipality', name: `Kommun ${r}-${m}`, props: { kommunkod: code } });
      const kommun = `org:syn-kommun-${r}-${m}`;
      nodes.push({ id: kommun, kind: 'Organisation', name: `Kommun ${r}-${m}`, props: { orgType: 'kommun' } });
      rel('LOCATED_IN', kommun, place);
      if (rnd() < 0.8) rel('MEMBER_OF', kommun, platform);
    }
  }

  // Occupations.
  for (const code of OCCUPATIONS)
    nodes.push({
      id: `ssyk:${code}`,
      kind: 'Occupation',
      name: `Yrke ${code}`,
      props: { ssyk: code, ...(rnd() < 0.5 ? { shortage: 'brist' as const } : {}) },
    });

  // Networks: one per 15 actors, each tied to a region.
  const networks: string[] = [];
  const networkCount = Math.max(3, Math.round(n / 15));
  for (let i = 0; i < networkCount; i++) {
    const id = `nw:syn-${i}`;
    networks.push(id);
    nodes.push({ id, kind: 'Network', name: `Nätverk ${i}`, props: { networkType: pick(NETWORK_TYPES) } });
    if (rnd() < 0.3) rel('PART_OF', id, `nw:syn-plattform-${Math.floor(rnd() * regions)}`);
  }

  // Actors with a home municipality, memberships, supply and demand.
  const actors: string[] = [];
  const orgCount = n - nodes.filter((x) => x.kind === 'Organisation').length;
  const mean = options.membershipsPerActor ?? 2.5;
  for (let i = 0; i < orgCount; i++) {
    const id = `org:syn-${i}`;
    const orgType = pick(ORG_TYPES);
    actors.push(id);
    nodes.push({ id, kind: 'Organisation', name: `Aktör ${i} ${orgType}`, props: { orgType } });
    rel('LOCATED_IN', id, pick(municipalities));
    // Memberships cluster locally: most in networks near the actor's index, some anywhere.
    const k = Math.max(1, Math.round(mean * (0.5 + rnd())));
    const joined = new Set<string>();
    for (let j = 0; j < k; j++) {
      const local = Math.floor((i / orgCount) * networkCount + (rnd() - 0.5) * 6);
      const nw = rnd() < 0.8 ? networks[Math.min(networkCount - 1, Math.max(0, local))] : pick(networks);
      if (joined.has(nw)) continue;
      joined.add(nw);
      rel('MEMBER_OF', id, nw);
    }
    if (['gymnasieskola', 'yh_anordnare', 'komvux', 'folkhogskola'].includes(orgType))
      rel('EDUCATES_FOR', id, `ssyk:${pick(OCCUPATIONS)}`, '', { props: { volume: Math.floor(rnd() * 60) } });
    if (orgType === 'arbetsgivare' && rnd() < 0.5)
      rel('DEMANDS', id, `ssyk:${pick(OCCUPATIONS)}`, '', { props: { volume: Math.floor(rnd() * 40) } });
    if (i > 0 && rnd() < 0.3) {
      const other = actors[Math.floor(rnd() * i)];
      rel('COLLABORATES_WITH', id, other);
    }
  }
  // Drop accidental duplicate relation ids (same pair twice).
  const seen = new Set<string>();
  return { nodes, relations: relations.filter((r) => (r.id && !seen.has(r.id) ? (seen.add(r.id), true) : false)) };
}
