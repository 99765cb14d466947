/**
 * The county register is complete enough to trust (issue 21): every relation is sourced, confirmed facts cite a
 * registered public source, untied organisations say why, old sources do not pass as current, later entities stay
 * out of earlier as-of views, and every "no provider" finding names an occupation the sources show no programme
 * for. The completeness per kind is printed, so the next gaps are visible in the test log.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runGaps } from '../../core/analysis/gaps/index.js';
import { projectActors, projectTwoMode } from '../../core/graph/projection.js';
import {
  FIXTURE_VERSION,
  NO_PROGRAMME_FOUND,
  SOURCES,
  UNTIED,
  completenessReport,
  completenessTable,
  isDated,
  jonkopingBatch,
} from '../../fixtures/jonkoping/index.js';
import { replaceSourcesSection } from '../../fixtures/jonkoping/sources-doc.js';
import { fixtureSnapshot } from './exchange/helpers.js';

const batch = jonkopingBatch();
const snapshot = fixtureSnapshot(batch);
const registered = new Set<string>(Object.values(SOURCES).map((s) => s.url));
const nodeById = new Map(batch.nodes.map((n) => [n.id, n]));

describe('Jönköpings län fixture: completeness (issue 21)', () => {
  it('gives every relation a public source with a URL and a title, and only well-formed past dates', () => {
    for (const r of batch.relations) {
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      for (const s of r.sources) {
        expect(s.url, r.id).toMatch(/^https?:\/\/\S+$/);
        expect(s.title.trim(), r.id).not.toBe('');
        if (s.date) {
          expect(s.date, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(s.date <= FIXTURE_VERSION, `${r.id}: source dated after the fixture`).toBe(true);
        }
      }
    }
  });

  it('has every confirmed relation cite a registered source and carry no note that calls it an inference', () => {
    const confirmed = batch.relations.filter((r) => r.evidence === 'confirmed');
    expect(confirmed.length).toBeGreaterThan(100);
    for (const r of confirmed) {
      expect(
        r.sources.some((s) => registered.has(s.url)),
        r.id,
      ).toBe(true);
      expect(r.note ?? '', r.id).not.toMatch(/slutsats|antagen|osäker|tolkning|tolkat/i);
    }
  });

  it('leaves at most five organisations untied, each listed with the reason in its description', () => {
    const { graph } = projectActors(snapshot);
    const untied = graph.filterNodes((n) => graph.degree(n) === 0).sort();
    expect(untied).toEqual(Object.keys(UNTIED).sort());
    // The issue asks for at most 5 (docs/decisions.md, issue 21 third round: Metsä Tissue's tie was found).
    expect(untied.length).toBeLessThanOrEqual(5);
    for (const id of untied) {
      const description = nodeById.get(id)?.props?.description;
      expect(typeof description === 'string' && description.includes(UNTIED[id]), id).toBe(true);
    }
  });

  it('dates most relations and never shows a tie from a pre-2014 source as current', () => {
    const report = completenessReport(batch);
    console.log(`\nCompleteness of the Jönköpings län fixture\n${completenessTable(report)}\n`);
    // The issue asks for 0.8 (docs/decisions.md, issue 21 third round).
    expect(report.datedShare).toBeGreaterThanOrEqual(0.8);
    const sum = (rows: { total: number }[]) => rows.reduce((a, r) => a + r.total, 0);
    expect(sum(report.relations)).toBe(batch.relations.length);
    expect(sum(report.nodes)).toBe(batch.nodes.length);
    for (const r of batch.relations) {
      const dates = r.sources.map((s) => s.date).filter((d): d is string => Boolean(d));
      if (dates.length === 0) continue;
      const newest = dates.sort().at(-1)!;
      if (newest < '2014-01-01') expect(r.validTo, `${r.id} rests on sources from ${newest}`).toBeTruthy();
    }
  });

  it('dates the shortage ties: most DEMANDS have a dated source or a period', () => {
    const demands = batch.relations.filter((r) => r.type === 'DEMANDS');
    const dated = demands.filter(isDated);
    expect(dated.length / demands.length).toBeGreaterThanOrEqual(0.8);
    // Arbetsförmedlingen's dated forecast supplements the undated news article.
    expect(demands.some((r) => r.sources.some((s) => s.url.includes('arbetsformedlingen.se')))).toBe(true);
  });

  it('keeps entities founded later out of an earlier as-of view', () => {
    const later = ['nw:forum-lanets-framtid-2021', 'nw:campus-tranas', 'nw:trahusskolan'];
    const in2016 = projectTwoMode(snapshot, { asOf: '2016-06-30' }).graph;
    for (const id of later) expect(in2016.hasNode(id), id).toBe(false);
    const in2025 = projectTwoMode(snapshot, { asOf: '2025-12-01' }).graph;
    expect(in2025.hasNode('nw:campus-tranas')).toBe(true);
    expect(in2025.hasNode('nw:forum-lanets-framtid-2021')).toBe(true);
  });

  it('has every "no provider" finding name an occupation the sources show no programme for', () => {
    const findings = runGaps(snapshot, { kinds: ['supply-none'] }).findings.filter((f) => f.kind === 'supply-none');
    const targets = findings.map((f) => f.nodeIds[0]).sort();
    expect(targets).toEqual(Object.keys(NO_PROGRAMME_FOUND).sort());
    for (const t of targets) expect(NO_PROGRAMME_FOUND[t].length, t).toBeGreaterThan(20);
  });

  it('documents every source, with what was taken from it, in docs/data-sources.md', () => {
    const doc = readFileSync(new URL('../../docs/data-sources.md', import.meta.url), 'utf8');
    for (const [key, s] of Object.entries(SOURCES)) {
      expect(doc, key).toContain(s.url);
      expect(doc, key).toContain(`\`${key}\``);
    }
    // The register part is rendered from the data; after a fixture change, write
    // replaceSourcesSection(doc, jonkopingBatch()) back to the file.
    expect(replaceSourcesSection(doc, batch), 'docs/data-sources.md is out of date').toBe(doc);
  });

  it('links each provider named in the brief to what it educates for', () => {
    const educatesFor = (from: string, to: string) =>
      batch.relations.some((r) => r.type === 'EDUCATES_FOR' && r.from === from && r.to === to);
    expect(educatesFor('edu:hlk-grundlararprogrammet', 'ssyk:2341')).toBe(true);
    expect(educatesFor('edu:sjukskoterskeprogrammet-ju', 'ssyk:2221')).toBe(true);
    expect(educatesFor('edu:njudung-verktygstekniker', 'skill:cad')).toBe(true);
    expect(educatesFor('edu:yh-jth', 'skill:automation-robotteknik')).toBe(true);
    expect(educatesFor('edu:jth-civilingenjor-produktframtagning', 'ssyk:2144')).toBe(true);
  });
});
