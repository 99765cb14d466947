import type { Bilingual } from '../model/labels.js';

/**
 * The metric registry: one descriptor per metric. Forms, tables, legends and the method notes of reports are
 * generated from it, so every label, formula and reference lives here and nowhere else.
 *
 * Weights are always tie strengths (higher = stronger). `weightMeaning` says how a metric uses them:
 * - 'strength': used as they are (PageRank, eigenvector, clustering, Burt's measures…);
 * - 'distance': path metrics, which walk distance = 1/strength;
 * - 'none': the metric ignores weights.
 */
export type WeightMeaning = 'strength' | 'distance' | 'none';
export type MetricScope = 'node' | 'graph' | 'edge' | 'group';
export type OutputType = 'number' | 'integer' | 'category' | 'boolean';

export interface MetricParameter {
  id: string;
  label: Bilingual;
  type: 'number' | 'integer' | 'boolean' | 'attribute';
  default: number | boolean | string | null;
  min?: number;
  max?: number;
}

export interface MetricOutput {
  /** Key in the panel output (node object, graph object, or group structure). */
  id: string;
  label: Bilingual;
  type: OutputType;
}

export interface MetricLimit {
  /** The metric refuses graphs with more nodes or ties than this (error `graph_too_large`). */
  maxNodes?: number;
  maxEdges?: number;
}

export interface MetricDescriptor {
  id: string;
  scope: MetricScope;
  label: Bilingual;
  description: Bilingual;
  /** One line, plain text with Unicode maths. */
  formula: string;
  reference: string;
  /** The NetworkX 3.x function that the implementation is tested against (or "—"). */
  networkx: string;
  weightMeaning: WeightMeaning;
  parameters: MetricParameter[];
  outputs: MetricOutput[];
  limit?: MetricLimit;
  /** Conventions an analyst must know (disconnected graphs, isolates, direction). */
  notes?: Bilingual;
}

/**
 * The defaults of the key-actor panel, once: the API, the report, the browser worker and the gap analysis use these.
 * Seed 1: every published result (API, report, worker, gaps) has used it since the start, so community numbers in
 * saved views and reports stay the same (see docs/decisions.md).
 */
export const DEFAULT_PANEL_OPTIONS = { seed: 1, resolution: 1, restarts: 10, alpha: 0.85 } as const;

const L = (sv: string, en: string): Bilingual => ({ sv, en });
const out = (id: string, sv: string, en: string, type: OutputType = 'number'): MetricOutput => ({
  id,
  label: L(sv, en),
  type,
});

/** O(n·m) path metrics: limits keep a run within minutes on a laptop. */
export const PATH_LIMIT: MetricLimit = { maxNodes: 100_000, maxEdges: 1_000_000 };

/**
 * Exact path metrics cost about n·m steps (one shortest-path pass per source). Above this budget, with no k given,
 * the panel estimates them instead: betweenness with a stated (ε, δ) guarantee (core/analysis/sampling), closeness
 * and harmonic from AUTO_SOURCES sampled sources. 5·10⁸ is an exact run at 10,000 actors with 50,000 ties, under a
 * minute on one core.
 */
export const EXACT_PATH_BUDGET = 5e8;
/** Sources of the closeness and harmonic estimate when the panel samples automatically. */
export const AUTO_SOURCES = 500;

/**
 * Source sampling of the shortest-path pass (Brandes & Pich 2007), shared by betweenness, closeness and harmonic
 * closeness (one pass computes all three). null = automatic: exact within EXACT_PATH_BUDGET, else estimated.
 */
const SAMPLES: MetricParameter = {
  id: 'samples',
  label: L('Urval av källnoder (k, tomt = automatiskt)', 'Sampled source nodes (k, empty = automatic)'),
  type: 'integer',
  default: null,
  min: 1,
  max: 100_000,
};
const SAMPLED_NOTE = {
  sv: 'Med urval (k < n) är värdena skattningar från k slumpvis valda källnoder, uppskalade med n/k (som NetworkX k=…); resultatet anger om körningen var exakt. Utan k räknas exakt när nätverket är litet nog (n·m ≤ 5·10⁸) och annars med urval.',
  en: 'With sampling (k < n) the values are estimates from k randomly chosen source nodes, scaled by n/k (as NetworkX k=…); the result says whether the run was exact. Without k the run is exact when the network is small enough (n·m ≤ 5·10⁸) and sampled otherwise.',
};
const GUARANTEE_NOTE = {
  sv: 'Större nätverk: mellanheten skattas från slumpvis dragna kortaste vägar (Riondato–Kornaropoulos) med en angiven garanti: med sannolikhet minst 1 − δ ligger varje aktörs normerade värde inom ±ε från det exakta. Resultatet anger ε, δ och antalet vägar.',
  en: "Larger networks: betweenness is estimated from randomly drawn shortest paths (Riondato–Kornaropoulos) with a stated guarantee: with probability at least 1 − δ every actor's normalised value is within ±ε of the exact one. The result states ε, δ and the number of paths.",
};

export const METRICS: readonly MetricDescriptor[] = [
  {
    id: 'degree',
    scope: 'node',
    label: L('Grad', 'Degree'),
    description: L(
      'Antal band. I riktade nätverk summan av in- och utgrad; viktad grad summerar bandens styrka.',
      'Number of ties. In directed networks in-degree plus out-degree; weighted degree sums tie strengths.',
    ),
    formula: 'k(i) = |N(i)|; s(i) = Σ_j w_ij',
    reference:
      'Freeman, L. C. (1979). Centrality in social networks: conceptual clarification. Social Networks 1:215–239.',
    networkx: 'G.degree, G.in_degree, G.out_degree, G.degree(weight=…)',
    weightMeaning: 'strength',
    parameters: [],
    outputs: [
      out('degree', 'Grad', 'Degree', 'integer'),
      out('inDegree', 'Ingrad', 'In-degree', 'integer'),
      out('outDegree', 'Utgrad', 'Out-degree', 'integer'),
      out('strength', 'Viktad grad', 'Weighted degree'),
    ],
  },
  {
    id: 'degreeCentrality',
    scope: 'node',
    label: L('Gradcentralitet', 'Degree centrality'),
    description: L(
      'Grad delat med största möjliga grad (n − 1).',
      'Degree divided by the largest possible degree (n − 1).',
    ),
    formula: 'C_D(i) = k(i) / (n − 1)',
    reference: 'Freeman, L. C. (1979). Social Networks 1:215–239.',
    networkx: 'degree_centrality',
    weightMeaning: 'none',
    parameters: [],
    outputs: [out('degreeCentrality', 'Gradcentralitet', 'Degree centrality')],
  },
  {
    id: 'betweenness',
    scope: 'node',
    label: L('Mellanhetscentralitet', 'Betweenness centrality'),
    description: L(
      'Andelen kortaste vägar mellan andra aktörer som går genom aktören: vem som kan förmedla eller hindra flöden.',
      'Share of shortest paths between other actors that pass through the actor: who can broker or block flows.',
    ),
    formula: 'C_B(v) = Σ_{s≠v≠t} σ_st(v)/σ_st, normalised by 1/((n−1)(n−2)) over ordered pairs',
    reference:
      'Freeman, L. C. (1977). Sociometry 40:35–41; Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociol. 25:163–177; Riondato, M. & Kornaropoulos, E. M. (2016). Fast approximation of betweenness centrality through sampling. Data Min. Knowl. Disc. 30:438–475.',
    networkx: 'betweenness_centrality(G, normalized=True, weight=dist)',
    weightMeaning: 'distance',
    parameters: [SAMPLES],
    outputs: [
      out('betweenness', 'Mellanhet (normerad)', 'Betweenness (normalised)'),
      out('betweennessRaw', 'Mellanhet (rå)', 'Betweenness (raw)'),
    ],
    limit: PATH_LIMIT,
    notes: L(`${SAMPLED_NOTE.sv} ${GUARANTEE_NOTE.sv}`, `${SAMPLED_NOTE.en} ${GUARANTEE_NOTE.en}`),
  },
  {
    id: 'closeness',
    scope: 'node',
    label: L('Närhetscentralitet', 'Closeness centrality'),
    description: L(
      'Hur nära aktören är alla andra den når, korrigerat för hur många den når (Wasserman–Faust). I riktade nätverk räknas avstånd till aktören.',
      'How close the actor is to everyone it reaches, corrected for how many it reaches (Wasserman–Faust). In directed networks, distances to the actor.',
    ),
    formula: 'C_C(v) = ((r − 1) / Σ_u d(u, v)) · ((r − 1) / (n − 1)), r = nodes reaching v incl. v',
    reference: 'Freeman (1979); Wasserman, S. & Faust, K. (1994). Social Network Analysis. Cambridge UP, p. 201.',
    networkx: 'closeness_centrality(G, distance=dist, wf_improved=True)',
    weightMeaning: 'distance',
    parameters: [SAMPLES],
    outputs: [out('closeness', 'Närhet', 'Closeness')],
    limit: PATH_LIMIT,
    notes: L(`Isolerade noder får 0. ${SAMPLED_NOTE.sv}`, `Isolates get 0. ${SAMPLED_NOTE.en}`),
  },
  {
    id: 'harmonic',
    scope: 'node',
    label: L('Harmonisk närhet', 'Harmonic closeness'),
    description: L(
      'Summan av inverterade avstånd; fungerar även i osammanhängande nätverk.',
      'Sum of inverse distances; well defined in disconnected networks.',
    ),
    formula: 'H(v) = Σ_{u≠v} 1 / d(u, v)',
    reference:
      'Marchiori, M. & Latora, V. (2000). Physica A 285:539–546; Boldi, P. & Vigna, S. (2014). Internet Math. 10:222–262.',
    networkx: 'harmonic_centrality(G, distance=dist)',
    weightMeaning: 'distance',
    parameters: [SAMPLES],
    outputs: [out('harmonic', 'Harmonisk närhet', 'Harmonic closeness')],
    limit: PATH_LIMIT,
    notes: L(SAMPLED_NOTE.sv, SAMPLED_NOTE.en),
  },
  {
    id: 'eigenvector',
    scope: 'node',
    label: L('Egenvektorcentralitet', 'Eigenvector centrality'),
    description: L(
      'Central genom band till andra centrala aktörer. Beräknas per komponent (L2-normerad inom komponenten).',
      'Central through ties to other central actors. Computed per component (L2-normalised within it).',
    ),
    formula: 'λ x = Aᵀ x, ‖x‖₂ = 1 per component',
    reference: 'Bonacich, P. (1972). J. Math. Sociol. 2:113–120.',
    networkx: 'eigenvector_centrality(_numpy) on each component',
    weightMeaning: 'strength',
    parameters: [],
    outputs: [out('eigenvector', 'Egenvektor', 'Eigenvector')],
    notes: L(
      'Osammanhängande nätverk: beräknas per komponent; värden jämförs bara inom en komponent. Isolerade noder får 0. Riktade komponenter som inte är starkt sammanhängande saknar värde (använd PageRank).',
      'Disconnected networks: computed per component; compare values within a component only. Isolates get 0. Directed components that are not strongly connected get no value (use PageRank).',
    ),
  },
  {
    id: 'pagerank',
    scope: 'node',
    label: L('PageRank', 'PageRank'),
    description: L(
      'Sannolikheten att en slumpvandring befinner sig hos aktören.',
      'Probability that a random walk is at the actor.',
    ),
    formula: 'PR(v) = (1 − α)/n + α Σ_{u→v} PR(u) w_uv / s_out(u) (+ dangling mass spread uniformly)',
    reference: 'Brin, S. & Page, L. (1998). Computer Networks and ISDN Systems 30:107–117.',
    networkx: 'pagerank(G, alpha=0.85, weight=weight)',
    weightMeaning: 'strength',
    parameters: [
      {
        id: 'alpha',
        label: L('Dämpningsfaktor α', 'Damping factor α'),
        type: 'number',
        default: DEFAULT_PANEL_OPTIONS.alpha,
        min: 0.01,
        max: 0.99,
      },
    ],
    outputs: [out('pagerank', 'PageRank', 'PageRank')],
  },
  {
    id: 'coreNumber',
    scope: 'node',
    label: L('Kärnnummer', 'Core number'),
    description: L(
      'Största k sådant att aktören ingår i en delgraf där alla har minst k band (k-kärna).',
      'Largest k such that the actor belongs to a subgraph where everyone has at least k ties (k-core).',
    ),
    formula: 'core(v) = max{k : v ∈ k-core}',
    reference:
      'Seidman, S. B. (1983). Social Networks 5:269–287; Batagelj, V. & Zaveršnik, M. (2003). arXiv cs/0310049.',
    networkx: 'core_number',
    weightMeaning: 'none',
    parameters: [],
    outputs: [out('coreNumber', 'Kärnnummer', 'Core number', 'integer')],
  },
  {
    id: 'clustering',
    scope: 'node',
    label: L('Klustringskoefficient', 'Clustering coefficient'),
    description: L(
      'Andelen av aktörens grannpar som själva har band.',
      "Share of the actor's pairs of neighbours that are tied.",
    ),
    formula: 'C(i) = 2T(i) / (k(i)(k(i) − 1)); weighted: geometric mean of normalised strengths (Onnela 2005)',
    reference:
      'Watts, D. J. & Strogatz, S. H. (1998). Nature 393:440–442; Onnela, J.-P. et al. (2005). Phys. Rev. E 71:065103; Fagiolo, G. (2007). Phys. Rev. E 76:026107.',
    networkx: 'clustering(G, weight=weight)',
    weightMeaning: 'strength',
    parameters: [],
    outputs: [out('clustering', 'Klustring', 'Clustering')],
  },
  {
    id: 'constraint',
    scope: 'node',
    label: L('Begränsning (Burt)', "Burt's constraint"),
    description: L(
      'Hur mycket aktörens kontakter är förbundna med varandra; låg begränsning = många strukturella hål.',
      "How much the actor's contacts are tied to each other; low constraint = many structural holes.",
    ),
    formula: 'C_i = Σ_{j∈N(i)} (p_ij + Σ_{q≠i,j} p_iq p_qj)², p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki)',
    reference: 'Burt, R. S. (1992). Structural Holes. Harvard UP.',
    networkx: 'constraint(G, weight=weight)',
    weightMeaning: 'strength',
    parameters: [],
    outputs: [out('constraint', 'Begränsning', 'Constraint')],
    notes: L('Isolerade noder saknar värde.', 'Isolates have no value.'),
  },
  {
    id: 'effectiveSize',
    scope: 'node',
    label: L('Effektiv storlek', 'Effective size'),
    description: L('Antal kontakter minus deras redundans.', 'Number of contacts minus their redundancy.'),
    formula: 'ES_i = Σ_{j∈N(i)} [1 − Σ_{q≠i,j} p_iq m_jq], m_jq = a_jq / max_k a_jk; binary: n_i − 2t_i/n_i',
    reference:
      'Burt (1992); Borgatti, S. P. (1997). Structural holes: unpacking Burt’s redundancy measures. Connections 20(1):35–38.',
    networkx: 'effective_size(G, weight=weight)',
    weightMeaning: 'strength',
    parameters: [],
    outputs: [out('effectiveSize', 'Effektiv storlek', 'Effective size')],
  },
  {
    id: 'efficiency',
    scope: 'node',
    label: L('Effektivitet', 'Efficiency'),
    description: L(
      'Effektiv storlek delat med antalet kontakter.',
      'Effective size divided by the number of contacts.',
    ),
    formula: 'EF_i = ES_i / |N(i)|',
    reference: 'Burt (1992).',
    networkx: 'effective_size / number of neighbours',
    weightMeaning: 'strength',
    parameters: [],
    outputs: [out('efficiency', 'Effektivitet', 'Efficiency')],
  },
  {
    id: 'hierarchy',
    scope: 'node',
    label: L('Hierarki', 'Hierarchy'),
    description: L(
      'Hur ojämnt begränsningen är fördelad på kontakterna (0 = jämnt). Odefinierad med färre än två kontakter.',
      'How unevenly constraint is spread over the contacts (0 = evenly). Undefined with fewer than two contacts.',
    ),
    formula: 'H_i = Σ_j (c_ij/(C_i/N_i)) ln(c_ij/(C_i/N_i)) / (N_i ln N_i)',
    reference: 'Burt (1992), p. 71.',
    networkx: 'from local_constraint',
    weightMeaning: 'strength',
    parameters: [],
    outputs: [out('hierarchy', 'Hierarki', 'Hierarchy')],
  },
  {
    id: 'brokerage',
    scope: 'node',
    label: L('Mäklarroller (Gould–Fernandez)', 'Brokerage roles (Gould–Fernandez)'),
    description: L(
      'Öppna tvåstegsvägar a → v → b där a och b saknar band, typade efter gruppernas tillhörighet. Oriktade nätverk läses som symmetriska riktade (som R sna): varje väg räknas i båda riktningar.',
      'Open two-paths a → v → b where a and b are not tied, typed by group membership. Undirected networks are read as symmetric directed ones (as R sna): each path counts in both directions.',
    ),
    formula:
      'coordinator A→A→A, itinerant A→B→A, representative A→A→B, gatekeeper A→B→B, liaison A→B→C; z = (obs − E)/sd',
    reference: 'Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation. Sociological Methodology 19:89–126.',
    networkx: '— (R sna::brokerage)',
    weightMeaning: 'none',
    parameters: [
      {
        id: 'partition',
        label: L('Gruppindelning (attribut)', 'Partition (attribute)'),
        type: 'attribute',
        default: null,
      },
    ],
    outputs: [
      out('brokerage.coordinator', 'Samordnare', 'Coordinator', 'integer'),
      out('brokerage.itinerant', 'Konsult', 'Itinerant', 'integer'),
      out('brokerage.representative', 'Representant', 'Representative', 'integer'),
      out('brokerage.gatekeeper', 'Grindvakt', 'Gatekeeper', 'integer'),
      out('brokerage.liaison', 'Länk', 'Liaison', 'integer'),
      out('brokerageZ.coordinator', 'Samordnare (z)', 'Coordinator (z)'),
      out('brokerageZ.itinerant', 'Konsult (z)', 'Itinerant (z)'),
      out('brokerageZ.representative', 'Representant (z)', 'Representative (z)'),
      out('brokerageZ.gatekeeper', 'Grindvakt (z)', 'Gatekeeper (z)'),
      out('brokerageZ.liaison', 'Länk (z)', 'Liaison (z)'),
    ],
    limit: { maxEdges: 5_000_000 },
    notes: L(
      'Utan gruppindelning hamnar alla i samma grupp och bara samordnarrollen kan förekomma.',
      'Without a partition everyone is in one group and only the coordinator role can occur.',
    ),
  },
  {
    id: 'articulationPoint',
    scope: 'node',
    label: L('Artikulationspunkt', 'Articulation point'),
    description: L(
      'Aktör vars försvinnande delar sin komponent: en enskild felpunkt.',
      'Actor whose removal splits its component: a single point of failure.',
    ),
    formula: 'v is a cut vertex ⇔ components(G − v) > components(G) (v not isolated)',
    reference: 'Hopcroft, J. & Tarjan, R. (1973). CACM 16(6):372–378.',
    networkx: 'articulation_points(G.to_undirected())',
    weightMeaning: 'none',
    parameters: [],
    outputs: [out('articulationPoint', 'Artikulationspunkt', 'Articulation point', 'boolean')],
  },
  {
    id: 'bridges',
    scope: 'edge',
    label: L('Broar', 'Bridges'),
    description: L('Band vars försvinnande delar sin komponent.', 'Ties whose removal splits their component.'),
    formula: 'e is a bridge ⇔ components(G − e) > components(G)',
    reference: 'Hopcroft & Tarjan (1973); Tarjan, R. (1974). Inf. Process. Lett. 2:160–161.',
    networkx: 'bridges(G.to_undirected())',
    weightMeaning: 'none',
    parameters: [],
    outputs: [out('bridges', 'Broar', 'Bridges', 'category')],
  },
  {
    id: 'removal',
    scope: 'node',
    label: L('Om aktören försvann', 'If this actor left'),
    description: L(
      'Antal komponenter och fragmentering (Borgatti) i nätverket utan aktören, och förändringen.',
      "Number of components and Borgatti's fragmentation of the network without the actor, and the change.",
    ),
    formula: 'F = 1 − Σ_k s_k(s_k − 1) / (n(n − 1)) on G − v (n − 1 nodes)',
    reference: 'Borgatti, S. P. (2006). Identifying sets of key players in a social network. CMOT 12:21–34.',
    networkx: 'number_connected_components(G − v)',
    weightMeaning: 'none',
    parameters: [],
    outputs: [
      out('removal.componentsAfter', 'Komponenter efter', 'Components after', 'integer'),
      out('removal.deltaComponents', 'Förändring i komponenter', 'Change in components', 'integer'),
      out('removal.fragmentationAfter', 'Fragmentering efter', 'Fragmentation after'),
      out('removal.deltaFragmentation', 'Förändring i fragmentering', 'Change in fragmentation'),
    ],
    notes: L('Riktade nätverk: svaga komponenter.', 'Directed networks: weak components.'),
  },
  {
    id: 'community',
    scope: 'node',
    label: L('Gemenskap (Louvain)', 'Community (Louvain)'),
    description: L(
      'Grupper med tätare band inbördes än utåt, funna med Louvain. Fröet gör resultatet reproducerbart; flera körningar, den med högst modularitet behålls.',
      'Groups more densely tied inside than outside, found by Louvain. The seed makes the result reproducible; several runs, the one with the highest modularity is kept.',
    ),
    formula: 'maximise Q = (1/2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j)',
    reference:
      'Blondel, V. D. et al. (2008). J. Stat. Mech. P10008; Newman, M. E. J. & Girvan, M. (2004). Phys. Rev. E 69:026113.',
    networkx: 'community.modularity (for the partition found)',
    weightMeaning: 'strength',
    parameters: [
      {
        id: 'seed',
        label: L('Frö', 'Seed'),
        type: 'integer',
        default: DEFAULT_PANEL_OPTIONS.seed,
        min: 0,
        max: 4294967295,
      },
      {
        id: 'resolution',
        label: L('Upplösning γ', 'Resolution γ'),
        type: 'number',
        default: DEFAULT_PANEL_OPTIONS.resolution,
        min: 0.01,
        max: 10,
      },
      {
        id: 'restarts',
        label: L('Körningar', 'Runs'),
        type: 'integer',
        default: DEFAULT_PANEL_OPTIONS.restarts,
        min: 1,
        max: 1000,
      },
    ],
    outputs: [out('community', 'Gemenskap', 'Community', 'category')],
  },
  {
    id: 'density',
    scope: 'graph',
    label: L('Täthet', 'Density'),
    description: L('Andelen möjliga band som finns.', 'Share of possible ties that exist.'),
    formula: 'undirected 2m / (n(n − 1)); directed m / (n(n − 1))',
    reference: 'Wasserman & Faust (1994), p. 101.',
    networkx: 'density',
    weightMeaning: 'none',
    parameters: [],
    outputs: [out('density', 'Täthet', 'Density')],
  },
  {
    id: 'components',
    scope: 'graph',
    label: L('Komponenter', 'Components'),
    description: L(
      'Antal sammanhängande delar (svaga komponenter i riktade nätverk).',
      'Number of connected parts (weak components in directed networks).',
    ),
    formula: 'number of connected components',
    reference: 'Wasserman & Faust (1994), p. 109.',
    networkx: 'number_connected_components / number_weakly_connected_components',
    weightMeaning: 'none',
    parameters: [],
    outputs: [
      out('components', 'Komponenter', 'Components', 'integer'),
      out('largestComponentSize', 'Största komponenten', 'Largest component', 'integer'),
    ],
  },
  {
    id: 'diameter',
    scope: 'graph',
    label: L('Diameter', 'Diameter'),
    description: L(
      'Längsta kortaste avstånd i den största komponenten (starkt sammanhängande i riktade nätverk).',
      'Longest shortest distance in the largest component (strongly connected in directed networks).',
    ),
    formula: 'max_{u,v ∈ LCC} d(u, v)',
    reference: 'Wasserman & Faust (1994), p. 111.',
    networkx: 'diameter(G.subgraph(largest component), weight=dist)',
    weightMeaning: 'distance',
    parameters: [],
    outputs: [out('diameter', 'Diameter', 'Diameter')],
    limit: PATH_LIMIT,
  },
  {
    id: 'averagePathLength',
    scope: 'graph',
    label: L('Genomsnittligt avstånd', 'Average path length'),
    description: L(
      'Medelavståndet mellan aktörer i den största komponenten (starkt sammanhängande i riktade nätverk).',
      'Mean distance between actors of the largest component (strongly connected in directed networks).',
    ),
    formula: 'Σ_{u≠v ∈ LCC} d(u, v) / (n_c(n_c − 1))',
    reference: 'Watts & Strogatz (1998).',
    networkx: 'average_shortest_path_length(G.subgraph(largest component), weight=dist)',
    weightMeaning: 'distance',
    parameters: [],
    outputs: [out('averagePathLength', 'Genomsnittligt avstånd', 'Average path length')],
    limit: PATH_LIMIT,
  },
  {
    id: 'degreeCentralisation',
    scope: 'graph',
    label: L('Gradcentralisering', 'Degree centralisation'),
    description: L(
      'Hur mycket nätverket kretsar kring en aktör (1 = stjärna).',
      'How much the network revolves around one actor (1 = star).',
    ),
    formula: 'Σ_i (max C_D − C_D(i)) / (n − 2)  [directed, total degree: / 2(n − 2)]',
    reference: 'Freeman (1979).',
    networkx: '— (from degree_centrality)',
    weightMeaning: 'none',
    parameters: [],
    outputs: [out('degreeCentralisation', 'Gradcentralisering', 'Degree centralisation')],
  },
  {
    id: 'fragmentation',
    scope: 'graph',
    label: L('Fragmentering', 'Fragmentation'),
    description: L(
      'Andelen aktörspar som inte når varandra.',
      'Share of pairs of actors that cannot reach each other.',
    ),
    formula: 'F = 1 − Σ_k s_k(s_k − 1) / (n(n − 1))',
    reference: 'Borgatti (2006).',
    networkx: '— (from connected_components)',
    weightMeaning: 'none',
    parameters: [],
    outputs: [out('fragmentation', 'Fragmentering', 'Fragmentation')],
  },
  {
    id: 'modularity',
    scope: 'graph',
    label: L('Modularitet', 'Modularity'),
    description: L('Hur väl gemenskaperna delar nätverket.', 'How well the communities divide the network.'),
    formula: 'Q = Σ_c [L_c/m − γ (K_c/2m)²]',
    reference: 'Newman & Girvan (2004).',
    networkx: 'community.modularity',
    weightMeaning: 'strength',
    parameters: [],
    outputs: [out('modularity', 'Modularitet', 'Modularity')],
  },
  {
    id: 'blockDensity',
    scope: 'group',
    label: L('Blocktäthet', 'Block density'),
    description: L('Tätheten av band inom och mellan grupper.', 'Density of ties within and between groups.'),
    formula: 'd_AB = e_AB / (n_A n_B); d_AA = 2e_AA / (n_A(n_A − 1))',
    reference: 'White, H. C., Boorman, S. A. & Breiger, R. L. (1976). AJS 81:730–780.',
    networkx: 'cut_size / density of subgraphs',
    weightMeaning: 'none',
    parameters: [
      {
        id: 'partition',
        label: L('Gruppindelning (attribut)', 'Partition (attribute)'),
        type: 'attribute',
        default: null,
      },
    ],
    outputs: [out('density', 'Blocktäthet', 'Block density')],
  },
  {
    id: 'eiIndex',
    scope: 'group',
    label: L('E-I-index', 'E-I index'),
    description: L(
      'Externa minus interna band delat med alla band (−1 = sluten grupp, +1 = bara utåt).',
      'External minus internal ties over all ties (−1 = closed group, +1 = outward only).',
    ),
    formula: 'EI = (E − I) / (E + I)',
    reference: 'Krackhardt, D. & Stern, R. N. (1988). Soc. Psychol. Q. 51(2):123–140.',
    networkx: '— (from attribute_mixing_matrix)',
    weightMeaning: 'none',
    parameters: [
      {
        id: 'partition',
        label: L('Gruppindelning (attribut)', 'Partition (attribute)'),
        type: 'attribute',
        default: null,
      },
    ],
    outputs: [
      out('ei', 'E-I-index', 'E-I index'),
      out('globalEI', 'E-I-index (hela nätverket)', 'E-I index (whole network)'),
    ],
  },
];

export function metricDescriptor(id: string): MetricDescriptor | undefined {
  return METRICS.find((m) => m.id === id);
}
