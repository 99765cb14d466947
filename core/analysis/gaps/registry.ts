/**
 * The gap-kind registry: one descriptor per kind of coordination gap, with its definition, parameters and
 * references. Reports and the UI generate their method notes from it, so the wording lives here only.
 */
import { DEFAULT_PROJECTION_TYPES } from '../../graph/projection.js';
import type { Bilingual } from '../../model/labels.js';
import { DEFAULT_PANEL_OPTIONS } from '../registry.js';
import { GAP_KIND_IDS, type GapDescriptor, type GapKindId, type GapParameter } from './types.js';

const L = (sv: string, en: string): Bilingual => ({ sv, en });

export const PLATFORM_ID = 'nw:kompetensplattform-jonkopings-lan';

const P = {
  kinds: {
    id: 'kinds',
    label: L('Typer av glapp', 'Gap kinds'),
    type: 'string[]',
    default: [...GAP_KIND_IDS],
    options: [...GAP_KIND_IDS],
    description: L('Typerna av glapp som körs (standard: alla).', 'The gap kinds to run (default: all).'),
  },
  includeNational: {
    id: 'includeNational',
    label: L('Med rikstäckande organ', 'Include nationwide bodies'),
    type: 'boolean',
    default: false,
    description: L(
      'Räkna rikstäckande nätverk (nivå nationell) bland nätverken vars täckning av länets kommuner prövas.',
      'Count nationwide networks (level national) among the networks whose coverage of the county is checked.',
    ),
  },
  sensitivity: {
    id: 'sensitivity',
    label: L('Pröva beläggen', 'Test the evidence'),
    type: 'boolean',
    default: true,
    description: L(
      'Kör analysen igen med bara troliga och bekräftade band, och med bara bekräftade: säkerheten och om fyndet är robust kommer därifrån.',
      'Run the analysis again on probable and confirmed ties only, and on confirmed only: confidence and robustness come from there.',
    ),
  },
  asOf: {
    id: 'asOf',
    label: L('Per datum', 'As of'),
    type: 'string',
    default: null,
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    description: L(
      'Bara relationer som gällde detta datum (giltighetstid). Utan datum räknas alla relationer, även avslutade.',
      'Only relations valid on this date (valid time). Without a date every relation counts, ended ones too.',
    ),
  },
  minEvidence: {
    id: 'minEvidence',
    label: L('Lägsta belägg', 'Minimum evidence'),
    type: 'enum',
    default: 'uncertain',
    options: ['uncertain', 'probable', 'confirmed'],
    description: L('Relationer med svagare belägg räknas inte.', 'Relations with weaker evidence do not count.'),
  },
  relationTypes: {
    id: 'relationTypes',
    label: L('Relationstyper i projektionen', 'Relation kinds of the projection'),
    type: 'string[]',
    default: [...DEFAULT_PROJECTION_TYPES].sort(),
    description: L(
      'Relationer som blir band i aktörsprojektionen: direkta band mellan aktörer och anknytningar till nätverk (gemensamt nätverk = band).',
      'Relations that become ties of the actor projection: direct ties between actors, and affiliations with networks (a shared network = a tie).',
    ),
  },
  k: {
    id: 'k',
    label: L('Högsta antal steg k', 'Largest number of steps k'),
    type: 'integer',
    default: 2,
    min: 1,
    max: 6,
  },
  network: {
    id: 'network',
    label: L('Nätverk', 'Networks'),
    type: 'string[]',
    default: null,
    description: L(
      'Nätverken vars täckning prövas. Standard: kompetensplattformen och varje college-nätverk som inte är del av ett annat college.',
      'The networks whose coverage is checked. Default: the skills platform and every college network that is not part of another college.',
    ),
  },
  platform: {
    id: 'platform',
    label: L('Kompetensplattform', 'Skills platform'),
    type: 'string',
    default: PLATFORM_ID,
    maxLength: 410,
    description: L(
      'Plattformsnätverket. Finns det inte används det första nätverket av typen kompetensplattform.',
      'The platform network. If it does not exist, the first network of type skills platform is used.',
    ),
  },
  jointBodyTypes: {
    id: 'jointBodyTypes',
    label: L('Gemensamma organ', 'Joint bodies'),
    type: 'string[]',
    default: ['kommunalforbund', 'samordningsforbund'],
    description: L(
      'Organisationstyper som företräder de kommuner som äger dem.',
      'Organisation types that represent the municipalities that own them.',
    ),
  },
  coverCandidates: {
    id: 'coverCandidates',
    label: L('Kandidater i mängdtäckningen', 'Set-cover candidates'),
    type: 'enum',
    default: 'auto',
    options: ['auto', 'organisations', 'all'],
    description: L(
      'auto: organisationer, och för en kompetensplattform (ett nätverk av nätverk) även nätverk; organisations: bara organisationer; all: organisationer och nätverk.',
      'auto: organisations, and for a skills platform (a network of networks) networks too; organisations: organisations only; all: organisations and networks.',
    ),
  },
  partitions: {
    id: 'partitions',
    label: L('Gruppindelningar', 'Partitions'),
    type: 'string[]',
    default: ['orgType', 'municipality', 'helix', 'community'],
    description: L(
      'Nodattribut att dela in aktörerna efter; community = Louvain-gemenskaper.',
      'Node attributes to group actors by; community = Louvain communities.',
    ),
  },
  densityThreshold: {
    id: 'densityThreshold',
    label: L('Gräns för blocktäthet', 'Block density threshold'),
    type: 'number',
    default: 0.05,
    min: 0,
    max: 1,
  },
  eiThreshold: {
    id: 'eiThreshold',
    label: L('Gräns för E-I-index', 'E-I index threshold'),
    type: 'number',
    default: -0.5,
    min: -1,
    max: 1,
  },
  minGroupSize: {
    id: 'minGroupSize',
    label: L('Minsta gruppstorlek', 'Smallest group'),
    type: 'integer',
    default: 3,
    min: 1,
    max: 1000,
  },
  maxPairs: {
    id: 'maxPairs',
    label: L('Högsta antal grupp-par per indelning', 'Most group pairs per partition'),
    type: 'integer',
    default: 10,
    min: 0,
    max: 1000,
  },
  seed: {
    id: 'seed',
    label: L('Frö (Louvain)', 'Seed (Louvain)'),
    type: 'integer',
    default: DEFAULT_PANEL_OPTIONS.seed,
    min: 0,
    max: 4294967295,
  },
  topN: {
    id: 'topN',
    label: L('Antal aktörer (topp N)', 'Number of actors (top N)'),
    type: 'integer',
    default: 10,
    min: 1,
    max: 1000,
  },
  seatShareLow: {
    id: 'seatShareLow',
    label: L('Lägsta andel kvinnor', 'Lowest share of women'),
    type: 'number',
    default: 0.4,
    min: 0,
    max: 1,
  },
  seatShareHigh: {
    id: 'seatShareHigh',
    label: L('Högsta andel kvinnor', 'Highest share of women'),
    type: 'number',
    default: 0.6,
    min: 0,
    max: 1,
  },
} satisfies Record<string, GapParameter>;

/** Every parameter of the gap analysis, once: the API's query schema is generated from this list. */
export const GAP_PARAMETERS: readonly GapParameter[] = Object.values(P);

const COMMON: GapParameter[] = [P.asOf, P.minEvidence];

const STEPS = L(
  'Ett steg är ett band i aktörsprojektionen: ett direkt band mellan två aktörer (t.ex. äger, driver, samverkar med, finansierar) eller ett gemensamt nätverk eller projekt – i tvålägesgrafen vägen aktör–nätverk–aktör, som räknas som ett steg – samt organisatorisk tillhörighet (del av) mellan två organisationer. Avstånd 0: aktören utbildar själv; 1: direkt band eller gemensamt nätverk med en utbildare; 2: via en mellanhand.',
  'A step is a tie of the actor projection: a direct tie between two actors (e.g. owns, operates, collaborates with, funds) or a shared network or project – in the two-mode graph the path actor–network–actor, counted as one step – and organisational belonging (part of) between two organisations. Distance 0: the actor educates itself; 1: a direct tie or a shared network with a provider; 2: through one intermediary.',
);

export const GAP_KINDS: readonly GapDescriptor[] = [
  {
    id: 'supply-none',
    label: L('Ingen registrerad utbildare', 'No recorded provider'),
    definition: L(
      'Ett yrke eller en kompetens som efterfrågas (minst ett efterfrågar-band från en aktör eller bransch) eller är bedömt som bristyrke (bristbedömning brist), men som ingen aktör eller utbildning i registret utbildar för: det finns inget utbildar-för-band till det, varken direkt från en aktör eller från en utbildning som en aktör erbjuder eller driver. Fyndet bygger på ett band som saknas (grund: saknas i registret): en utbildare utan något utbildar-för-band alls är okänd, inte en som inte utbildar, och fyndet nämner dem och pekar på registrets fullständighet. Utbildning för en efterfrågande bransch nämns som sammanhang men räknas inte som utbud för yrket.',
      'An occupation or skill that is in demand (at least one demands tie from an actor or sector) or assessed as a shortage occupation (shortage = brist), but for which no actor or programme in the register educates: there is no educates-for tie to it, neither directly from an actor nor from a programme an actor offers or operates. The finding rests on a missing tie (basis: absent): a provider without any educates-for tie is unknown, not a non-provider, and the finding names them and points to register completeness. Education for a demanding sector is mentioned as context but does not count as supply for the occupation.',
    ),
    severity: L(
      'Hög om yrket är bedömt som bristyrke (på yrket eller på ett efterfrågar-band), annars medel.',
      'High if the occupation is assessed as a shortage (on the occupation or on a demands tie), otherwise medium.',
    ),
    parameters: [...COMMON],
    reference:
      'Analysis brief, "Skills supply–demand gaps" (Demand(s), Supply(s)); occupations in SSYK 2012, skills in the JobTech Taxonomy / ESCO.',
  },
  {
    id: 'supply-reach',
    label: L('Utbildare utom räckhåll', 'Providers out of reach'),
    definition: L(
      `Ett yrke eller en kompetens med både utbildare och efterfrågande aktörer, där någon efterfrågande aktör inte når någon utbildare inom k steg. Efterfrågande aktörer: aktörer med efterfrågar-band till yrket och aktörer som är verksamma i eller företräder en bransch som efterfrågar det. Utbildare: aktörer med utbildar-för-band, direkt eller genom en utbildning de erbjuder eller driver. ${STEPS.sv}`,
      `An occupation or skill with both providers and demanding actors, where some demanding actor reaches no provider within k steps. Demanding actors: actors with a demands tie to the occupation, and actors active in or representing a sector that demands it. Providers: actors with an educates-for tie, directly or through a programme they offer or operate. ${STEPS.en}`,
    ),
    severity: L(
      'Hög om ingen efterfrågande aktör når en utbildare inom k steg, medel om några gör det.',
      'High if no demanding actor reaches a provider within k steps, medium if some do.',
    ),
    parameters: [P.k, P.relationTypes, ...COMMON],
    reference:
      'Analysis brief, "structural gap(s)"; Borgatti, S. P. & Everett, M. G. (1997). Network analysis of 2-mode data. Social Networks 19:243–269; Newman, M. E. J. (2001). Phys. Rev. E 64:016132.',
  },
  {
    id: 'supply-volume',
    label: L('Utbud mot efterfrågan (volym)', 'Supply against demand (volume)'),
    definition: L(
      'Efterfrågad volym (summan av volym på efterfrågar-banden) jämförs med utbildningsvolym (summan av volym på utbildar-för-banden; för en utbildning utan volym på bandet används utbildningens antal platser). Bara yrken och kompetenser där varje band har en volym jämförs; gapet = efterfrågan − utbud flaggas när utbudet är mindre. Finns inga jämförbara volymer blir resultatet ett fynd av typen "inga data" i stället för uppskattade tal.',
      'Demanded volume (the sum of volume on the demands ties) is compared with education volume (the sum of volume on the educates-for ties; for a programme without volume on the tie, its number of places). Only occupations and skills where every tie has a volume are compared; gap = demand − supply is flagged when supply is smaller. Without comparable volumes the result is a "no data" finding instead of estimated numbers.',
    ),
    severity: L(
      'Hög om utbudet är mindre än halva efterfrågan, annars medel; "inga data" är låg.',
      'High if supply is less than half of demand, otherwise medium; "no data" is low.',
    ),
    parameters: [...COMMON],
    reference: 'Analysis brief, "gap(s) = Demand(s) − Supply(s)".',
  },
  {
    id: 'coverage',
    label: L('Kommunernas representation', 'Municipal representation'),
    definition: L(
      'Ett fynd per nätverk, med kommunerna uppräknade. Standard är plattformen och de länstäckande college-nätverken; rikstäckande organ (nivå nationell) prövas bara när man ber om det, och delregionala college förväntas inte täcka hela länet. För varje valt nätverk får varje kommun i registret status direkt, indirekt eller ingen registrerad representation. Direkt: kommunorganisationen (typ kommun, med kommunen som municipality) är medlem i, samordnar eller leder nätverket, eller nätverket täcker kommunen. Indirekt: en kedja av representation når nätverket – kommunen äger ett gemensamt organ (kommunalförbund, samordningsförbund), är medlem i ett nätverk som är del av eller medlem i det valda nätverket (i flera led), företräds av en egen enhet (del av kommunen), eller täcks av ett nätverk som ingår. Den kortaste kedjan redovisas, och bland lika korta den med starkast svagaste belägg. För de kommuner som saknas föreslås den minsta uppsättning aktörer vars anslutning skulle ge dem representation (mängdtäckning över organisationer, och för en kompetensplattform även nätverk; kandidater som redan ingår eller som själva innehåller nätverket utesluts).',
      'One finding per network, with the municipalities listed. By default the platform and the county-wide college networks; nationwide bodies (level national) are checked only when asked for, and sub-regional colleges are not expected to cover the whole county. For each chosen network every municipality in the register is represented directly, indirectly or has no recorded representation. Directly: the municipal organisation (type kommun, with the place as municipality) is a member of, coordinates or chairs the network, or the network covers the place. Indirectly: a chain of representation reaches the network – the municipality owns a joint body (federation of municipalities, coordination association), is a member of a network that is part of or a member of the chosen network (at any depth), is represented by a unit of its own (part of the municipality), or is covered by a network inside it. The shortest chain is reported, and of equally short ones the one with the strongest weakest evidence. For the municipalities that are missing, the smallest set of actors whose joining would bring them in is proposed (set cover over organisations, and for a skills platform networks too; candidates already inside, or that contain the network themselves, are excluded).',
    ),
    severity: L(
      'Hög om någon kommun saknar registrerad representation, annars låg.',
      'High if any municipality has no recorded representation, otherwise low.',
    ),
    parameters: [P.network, P.includeNational, P.jointBodyTypes, P.coverCandidates, ...COMMON],
    reference:
      'Chvátal, V. (1979). A greedy heuristic for the set-covering problem. Math. Oper. Res. 4(3):233–235; Johnson, D. S. (1974). J. Comput. Syst. Sci. 9:256–278. Domain brief §0 (overlapping sub-regions) and §(c) question 2.',
    notes: L(
      'Girig mängdtäckning är en approximation: den använder högst H(d) ≤ ln d + 1 gånger så många aktörer som det minsta möjliga, där d är det största antalet saknade kommuner en kandidat tillför. Resultatet redovisas som exakt när det är en enda aktör, når den undre gränsen ⌈saknade/d⌉, eller när en uttömmande sökning bland mindre uppsättningar (högst 200 000 kombinationer) inte hittar någon mindre; hittar sökningen en mindre uppsättning ersätter den den giriga. Annars sägs att resultatet är en approximation.',
      'Greedy set cover is an approximation: it uses at most H(d) ≤ ln d + 1 times as many actors as the smallest possible, where d is the largest number of missing municipalities one candidate brings in. The result is reported as exact when it is a single actor, meets the lower bound ⌈missing/d⌉, or when an exhaustive search among smaller sets (at most 200,000 combinations) finds none; if the search finds a smaller set, it replaces the greedy one. Otherwise the result is said to be an approximation.',
    ),
  },
  {
    id: 'closed-groups',
    label: L('Slutna grupper', 'Closed groups'),
    definition: L(
      'I aktörsprojektionen (oviktad) delas aktörerna in efter ett attribut (aktörstyp, kommun, sektor/helix) eller i Louvain-gemenskaper. Grupp-par där båda grupperna har minst minGroupSize aktörer (gruppen utan värde räknas inte) och blocktätheten d_AB = e_AB/(n_A·n_B) är under gränsen flaggas, högst maxPairs per indelning, de glesaste och största blocken först. Grupper med minst minGroupSize aktörer och E-I-index (E − I)/(E + I) på eller under gränsen flaggas som slutna.',
      'In the actor projection (unweighted) actors are grouped by an attribute (actor type, municipality, sector/helix) or into Louvain communities. Pairs of groups where both have at least minGroupSize actors (the group without a value does not count) and the block density d_AB = e_AB/(n_A·n_B) is under the threshold are flagged, at most maxPairs per partition, the sparsest and largest blocks first. Groups with at least minGroupSize actors and an E-I index (E − I)/(E + I) at or under the threshold are flagged as closed.',
    ),
    severity: L(
      'Grupp-par utan band: medel, annars låg. Sluten grupp utan band utåt: hög, annars medel.',
      'A pair of groups without ties: medium, otherwise low. A closed group without outward ties: high, otherwise medium.',
    ),
    parameters: [
      P.partitions,
      P.densityThreshold,
      P.eiThreshold,
      P.minGroupSize,
      P.maxPairs,
      P.seed,
      P.relationTypes,
      ...COMMON,
    ],
    reference:
      'White, H. C., Boorman, S. A. & Breiger, R. L. (1976). AJS 81:730–780; Krackhardt, D. & Stern, R. N. (1988). Soc. Psychol. Q. 51(2):123–140; Blondel, V. D. et al. (2008). J. Stat. Mech. P10008.',
  },
  {
    id: 'fragility',
    label: L('Sårbarhet', 'Fragility'),
    definition: L(
      'I aktörsprojektionen (oviktad): artikulationspunkter (aktörer vars försvinnande delar nätverket), broar (band vars försvinnande delar det) och hur mycket Borgattis fragmentering F = 1 − Σ s_k(s_k − 1)/(n(n − 1)) ökar när en aktör försvinner. De topN artikulationspunkterna med störst ökning redovisas var för sig med de aktörer som skulle skiljas av; broar redovisas när båda sidor har minst två aktörer (en bro till en enskild aktör syns redan i artikulationspunkten i dess andra ände); en sammanfattning räknar alla.',
      "In the actor projection (unweighted): articulation points (actors whose removal splits the network), bridges (ties whose removal splits it) and how much Borgatti's fragmentation F = 1 − Σ s_k(s_k − 1)/(n(n − 1)) grows when an actor leaves. The topN articulation points with the largest growth are reported one by one with the actors that would be cut off; bridges are reported when both sides have at least two actors (a bridge to a single actor already shows in the articulation point at its other end); a summary counts them all.",
    ),
    severity: L(
      'Artikulationspunkt: hög om minst tre aktörer skiljs av, medel om två, låg om en. Bro: hög om den mindre sidan har minst tre aktörer, annars medel. Sammanfattningen är låg.',
      'Articulation point: high if at least three actors are cut off, medium if two, low if one. Bridge: high if the smaller side has at least three actors, otherwise medium. The summary is low.',
    ),
    parameters: [P.topN, P.relationTypes, ...COMMON],
    reference:
      'Hopcroft, J. & Tarjan, R. (1973). CACM 16(6):372–378; Borgatti, S. P. (2006). Identifying sets of key players in a social network. CMOT 12:21–34.',
  },
  {
    id: 'unlinked-demand',
    label: L('Efterfrågan utan registrerat nätverk', 'Demand with no recorded network'),
    definition: L(
      'Aktörer med efterfrågar-band som inte har någon medlemsrelation (medlem i, samordnar, leder) till något nätverk, college, råd eller projekt; och branscher med efterfrågar-band där ingen aktör som är verksam i eller företräder branschen har en sådan relation (eller där ingen sådan aktör finns i registret).',
      'Actors with demands ties that have no membership relation (member of, coordinates, chairs) with any network, college, council or project; and sectors with demands ties where no actor active in or representing the sector has one (or where the register has no such actor).',
    ),
    severity: L(
      'Hög om något efterfrågat yrke är bedömt som bristyrke, annars medel.',
      'High if any demanded occupation is assessed as a shortage, otherwise medium.',
    ),
    parameters: [P.platform, ...COMMON],
    reference: 'Domain brief §(c) question 8.',
  },
  {
    id: 'platform-link',
    label: L('Aktörer utan registrerad koppling till plattformen', 'Actors with no recorded link to the platform'),
    definition: L(
      'I aktörsprojektionen (oviktad) tas de topN aktörerna efter mellanhetscentralitet och de topN efter grad (lika värden vid gränsen tas med, bara värden över 0), och varje aktör med band vars typ har ett uppdrag i kompetensförsörjningen (myndigheter, näringslivsorganisationer, fackförbund, lärosäten, regionen, förbund). De som saknar en egen relation av projektionens typer (medlemskap, direkt band, finansiering) till plattformsnätverket eller till något nätverk som är del av eller medlem i det (i flera led) redovisas – de har ingen väg av längd 1 genom en anknytning till plattformen. Medlemskap i ett delnätverk räknas som anknytning.',
      'In the actor projection (unweighted) the topN actors by betweenness and the topN by degree are taken (ties at the cut-off included, only values above 0), and every actor with ties whose type has a mandate in skills supply (authorities, business organisations, unions, universities, the Region, federations). Those without a relation of their own of the projection’s kinds (membership, direct tie, funding) to the platform network or to any network that is part of or a member of it (at any depth) are reported – they have no path of length 1 through an affiliation to the platform. Membership in a sub-network counts as a link.',
    ),
    severity: L(
      'Efter räckvidd: medelvärdet av grad och mellanhet i förhållande till den mest centrala aktören, plus en femtedel för aktörer med uppdrag i kompetensförsörjningen (myndigheter, näringslivsorganisationer, fackförbund, lärosäten, regionen, förbund). Hög från 0,5, medel från 0,25, annars låg. Högst topN aktörer, de med störst räckvidd först.',
      'By impact: the mean of degree and betweenness relative to the most central actor, plus a fifth for actors with a mandate in skills supply (authorities, business organisations, unions, universities, the Region, federations). High from 0.5, medium from 0.25, otherwise low. At most topN actors, the largest impact first.',
    ),
    parameters: [P.platform, P.topN, P.relationTypes, ...COMMON],
    reference:
      'Freeman, L. C. (1977). Sociometry 40:35–41; Brandes, U. (2001). J. Math. Sociol. 25:163–177; domain brief §1.1 (the 2016–17 project aim "identify key actors and connect them to the platform") and §(c) question 12.',
  },
  {
    id: 'seat-balance',
    label: L('Platsfördelning (kön och sektor)', 'Balance of seats (sex and sector)'),
    definition: L(
      'För varje nätverk vars medlemskap har platser (seats, seatsWomen, seatsMen): andelen kvinnor = kvinnor/(kvinnor + män) flaggas utanför intervallet [seatShareLow, seatShareHigh]; platserna per sektor (helix) redovisas; en bransch med känd andel av sysselsättningen vars aktörer (efter huvudbransch, SNI-avdelning) har mindre än hälften så stor andel av platserna flaggas. Utan platsdata blir resultatet ett fynd av typen "inga data": inga tal uppskattas.',
      'For each network whose memberships carry seats (seats, seatsWomen, seatsMen): the share of women = women/(women + men) is flagged outside [seatShareLow, seatShareHigh]; seats per sector (helix) are reported; a sector with a known share of employment whose actors (by main sector, SNI section) hold less than half that share of the seats is flagged. Without seat data the result is a "no data" finding: no numbers are estimated.',
    ),
    severity: L(
      'Andel kvinnor under 25 % eller över 75 %: hög, annars medel. Bransch utan platser: hög, annars medel. "Inga data" är låg.',
      'Share of women under 25% or over 75%: high, otherwise medium. A sector without seats: high, otherwise medium. "No data" is low.',
    ),
    parameters: [P.seatShareLow, P.seatShareHigh, ...COMMON],
    reference: 'Domain brief §0.5 and §(c) questions 3 and 6 (40/60 gender balance of representation).',
  },
];

export function gapDescriptor(id: string): GapDescriptor | undefined {
  return GAP_KINDS.find((g) => g.id === id);
}

export const isGapKind = (id: string): id is GapKindId => GAP_KINDS.some((g) => g.id === id);
