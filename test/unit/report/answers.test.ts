/**
 * The report's answers on the Jönköping fixture: the summary's reach and council slots are filled from
 * GET /api/platform's and GET /api/council's analyses, and the report has a section for each; without a platform
 * in the register the slots say plainly that they are not part of the report.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/report/build.js';
import type { Snapshot } from '../../../core/model/records.js';
import { jonkopingBatch } from '../../../fixtures/jonkoping/index.js';

const meta = { version: 1, createdAt: '2026-01-01', createdBy: 't', updatedAt: '2026-01-01', updatedBy: 't' };
function fixture(): Snapshot {
  const b = jonkopingBatch();
  return {
    nodes: b.nodes.map((n) => ({ props: {}, ...n, ...meta })),
    relations: b.relations.map((r, i) => ({
      id: r.id ?? `rel:${i}`,
      weight: 1,
      props: {},
      validFrom: null,
      validTo: null,
      ...r,
      ...meta,
    })),
  };
}

describe('report: the platform and the council answer first', () => {
  it('fills the summary slots and adds the reach and council sections', () => {
    const model = buildReport(fixture(), { lang: 'sv', createdAt: '2026-12-01T00:00:00Z' });
    const summary = model.sections[0];
    expect(summary.heading).toBe('Sammanfattning');
    const reach = summary.items!.find((i) => i.title === 'Plattformens räckvidd')!;
    expect(reach.text).toMatch(/av 13 kommuners egna organisationer nås inom 2 steg/);
    const council = summary.items!.find((i) => i.title === 'Förslag till kompetensråd')!;
    expect(council.text).toMatch(/^7 platser räcker, och färre går inte/);
    expect(council.text).toContain('Könsbalansen');
    const headings = model.sections.map((s) => s.heading);
    expect(headings).toContain('Plattformens räckvidd');
    expect(headings).toContain('Förslag till kompetensråd');
    const table = model.sections.find((s) => s.heading === 'Plattformens räckvidd')!.table!;
    expect(table.rows.find((r) => r[0] === 'Aneby')).toEqual(['Aneby', '2', 'Vård- och omsorgscollege Jönköpings län']);
    const councilSection = model.sections.find((s) => s.heading === 'Förslag till kompetensråd')!;
    expect(councilSection.table!.rows).toHaveLength(7);
    expect(councilSection.items!.map((i) => i.title)).toEqual([
      'Kommunerna: uppfyllt',
      'Samhällssektorerna: uppfyllt',
      'Branscher med efterfrågan: inte uppfyllt',
      'Könsbalans: kan inte bedömas',
    ]);
  });

  it('says plainly when there is no platform to answer for', () => {
    const s = fixture();
    const noPlatform: Snapshot = {
      nodes: s.nodes.filter((n) => n.props.networkType !== 'kompetensplattform'),
      relations: s.relations,
    };
    const model = buildReport(noPlatform, { lang: 'en', createdAt: '2026-12-01T00:00:00Z' });
    const items = model.sections[0].items!;
    expect(items.find((i) => i.title === 'The platform’s reach')!.text).toBe('Not part of this report.');
    expect(model.sections.map((s) => s.heading)).not.toContain('The platform’s reach');
  });
});
