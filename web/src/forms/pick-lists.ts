/**
 * Lists a node form picks from instead of typed codes: municipalities (as a reference or as a kommunkod) and
 * sectors (SNI), each with its name, the code at most in parentheses.
 */
import { JONKOPING_MUNICIPALITIES } from '../../../core/model/kommunkod.js';
import type { Bilingual } from '../../../core/model/labels.js';
import { SNI_SECTIONS } from '../../../core/model/sni.js';
import type { AppContext } from '../context/context.js';
import type { PickLists } from './schema-fields.js';

type Option = { value: string; label: Bilingual };

const same = (s: string): Bilingual => ({ sv: s, en: s });
const byLabel = (a: Option, b: Option) => a.label.sv.localeCompare(b.label.sv, 'sv');

/** Municipalities of the graph, else the 13 of Jönköpings län: code → name. */
function municipalities(ctx: AppContext): Map<string, string> {
  const out = new Map<string, string>();
  ctx.graph?.forEachNode((_id, a) => {
    if (a.kind === 'Municipality' && typeof a.kommunkod === 'string')
      out.set(a.kommunkod, String(a.name ?? a.kommunkod));
  });
  if (out.size === 0) for (const [code, name] of Object.entries(JONKOPING_MUNICIPALITIES)) out.set(code, name);
  return out;
}

function sectors(ctx: AppContext): Option[] {
  const out: Option[] = [];
  ctx.graph?.forEachNode((_id, a) => {
    if (a.kind !== 'Sector' || typeof a.sni !== 'string') return;
    const name = String(a.name ?? a.sni);
    const en = typeof a.nameEn === 'string' ? a.nameEn : name;
    out.push({ value: a.sni, label: { sv: `${name} (${a.sni})`, en: `${en} (${a.sni})` } });
  });
  // The SNI sections without a record of their own are choosable too.
  for (const [code, l] of Object.entries(SNI_SECTIONS))
    if (!out.some((o) => o.value === code))
      out.push({ value: code, label: { sv: `${l.sv} (${code})`, en: `${l.en} (${code})` } });
  return out.sort(byLabel);
}

/** A stored value that is not in the list stays choosable (shown as it is) so opening a record never drops it. */
function keep(options: Option[], current: unknown): Option[] {
  if (typeof current !== 'string' || current === '' || options.some((o) => o.value === current)) return options;
  return [...options, { value: current, label: same(current) }];
}

/** The pick lists of a node kind's props; `current` holds the record's values. */
export function nodePickLists(ctx: AppContext, kindId: string, current: Record<string, unknown> = {}): PickLists {
  const munis = [...municipalities(ctx)].map(([code, name]) => ({ code, name }));
  const asRef = munis.map((m) => ({ value: `kommun:${m.code}`, label: same(m.name) })).sort(byLabel);
  const asCode = munis.map((m) => ({ value: m.code, label: same(`${m.name} (${m.code})`) })).sort(byLabel);
  const out: PickLists = { municipality: keep(asRef, current.municipality) };
  if (kindId === 'Organisation') {
    out.kommunkod = keep(asCode, current.kommunkod);
    out.primarySni = keep(sectors(ctx), current.primarySni);
  }
  return out;
}
