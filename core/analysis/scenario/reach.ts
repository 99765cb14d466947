/**
 * The platform's reach as a scenario measure (core/analysis/platform): who, which municipalities and which helix
 * groups are within K steps of the platform, before and after the draft.
 */
import { AnalysisError } from '../errors.js';
import { platformReach, type PlatformReach } from '../platform/index.js';
import type { Measure, NamedRef } from './types.js';

/** The reach with the API's defaults; null when the register has no platform (or the draft removes it). */
function reachOf(snapshot: Parameters<typeof platformReach>[0], focus?: string): PlatformReach | null {
  try {
    return platformReach(snapshot, { ...(focus ? { focus } : {}), invite: 0 });
  } catch (error) {
    if (error instanceof AnalysisError && error.details?.notFound === true) return null;
    throw error;
  }
}

interface Within {
  actors: Map<string, NamedRef>;
  municipalities: Map<string, NamedRef>;
  helix: Map<string, NamedRef>;
}

const named = (r: { id: string; name: string; nameEn?: string }): NamedRef => ({
  id: r.id,
  name: { sv: r.name, en: r.nameEn ?? r.name },
});

function within(reach: PlatformReach | null, k: number): Within {
  const out: Within = { actors: new Map(), municipalities: new Map(), helix: new Map() };
  if (!reach) return out;
  for (const ring of reach.rings) if (ring.step <= k) for (const a of ring.actors) out.actors.set(a.id, named(a));
  for (const m of reach.municipalities.rows) if (m.step !== null && m.step <= k) out.municipalities.set(m.id, named(m));
  for (const g of reach.helix.groups)
    if ((g.byStep.find((s) => s.step === k)?.count ?? 0) > 0) out.helix.set(g.id, { id: g.id, name: g.label });
  return out;
}

const minus = (a: Map<string, NamedRef>, b: Map<string, NamedRef>): NamedRef[] =>
  [...a.values()].filter((x) => !b.has(x.id)).sort((x, y) => x.name.sv.localeCompare(y.name.sv, 'sv'));

export const reach: Measure<'reach'> = {
  id: 'reach',
  compare(before, after) {
    const b = reachOf(before.snapshot);
    if (!b) return null;
    const a = reachOf(after.snapshot, b.focus.id);
    const k = b.parameters.steps;
    const wb = within(b, k);
    const wa = within(a, k);
    return {
      focus: named(b.focus),
      steps: k,
      actors: {
        before: wb.actors.size,
        after: wa.actors.size,
        gained: minus(wa.actors, wb.actors),
        lost: minus(wb.actors, wa.actors),
      },
      municipalities: {
        total: b.municipalities.total,
        before: wb.municipalities.size,
        after: wa.municipalities.size,
        gained: minus(wa.municipalities, wb.municipalities),
        lost: minus(wb.municipalities, wa.municipalities),
      },
      helix: { gained: minus(wa.helix, wb.helix), lost: minus(wb.helix, wa.helix) },
    };
  },
};
