/** The comparison of two rounds read aloud, in Swedish and English. */
import type { Bilingual } from '../model/labels.js';
import type { RoundComparison } from './schemas.js';

const dec = (x: number): string => x.toFixed(3);

export function compareText(c: Omit<RoundComparison, 'text'>): Bilingual[] {
  const observed = c.lostTies.filter((t) => t.basis === 'observed').length;
  const lines: Bilingual[] = [
    {
      sv: `Från ${c.from.title} till ${c.to.title}: ${c.newTies.length} nya relationer och ${c.lostTies.length} som inte längre rapporteras (för ${observed} av dem svarade minst en part utan att bekräfta relationen).`,
      en: `From ${c.from.title} to ${c.to.title}: ${c.newTies.length} new ties and ${c.lostTies.length} no longer reported (for ${observed} of them at least one end answered without confirming the tie).`,
    },
    {
      sv: `Tätheten i aktörsnätverket gick från ${dec(c.from.density)} till ${dec(c.to.density)}.`,
      en: `The density of the actor network went from ${dec(c.from.density)} to ${dec(c.to.density)}.`,
    },
  ];
  if (c.to.reach.focus) {
    lines.push({
      sv: `Inom ${c.to.reach.steps} steg från plattformen: ${c.from.reach.actors} → ${c.to.reach.actors} aktörer, ${c.from.reach.municipalities} → ${c.to.reach.municipalities} av ${c.to.reach.municipalitiesTotal} kommuner.`,
      en: `Within ${c.to.reach.steps} steps of the platform: ${c.from.reach.actors} → ${c.to.reach.actors} actors, ${c.from.reach.municipalities} → ${c.to.reach.municipalities} of ${c.to.reach.municipalitiesTotal} municipalities.`,
    });
  }
  return lines;
}
