// Writes docs/data-model.md from the catalogue, so the documentation cannot drift from the code.
import { writeFileSync } from 'node:fs';
import { NODE_KINDS } from '../core/model/catalogue/node-kinds.js';
import { RELATION_KINDS } from '../core/model/catalogue/relation-kinds.js';

const props = (labels: Record<string, { sv: string; en: string }>) =>
  Object.entries(labels)
    .map(([k, l]) => `\`${k}\` (${l.sv} / ${l.en})`)
    .join(', ') || '–';

const lines: string[] = [
  '# Data model',
  '',
  'Generated from `core/model/catalogue/` by `npx tsx tools/gen-data-model.ts`; do not edit by hand.',
  '',
  'Every node has `id`, `kind`, `name` (Swedish), optional `nameEn`, kind-specific `props`, and `version`,',
  '`createdAt/By`, `updatedAt/By`. Every relation has `id`, `type`, `from`, `to`, `weight` (tie strength, default 1;',
  'path metrics use distance = 1/weight), `props`, `sources` (url, title, date), `evidence`',
  '(confirmed | probable | uncertain), `validFrom`/`validTo` (valid time) and the same record metadata.',
  '',
  '## Node kinds',
  '',
  '| kind | sv | en | id prefix | actor | affiliation | properties |',
  '|---|---|---|---|---|---|---|',
  ...NODE_KINDS.map(
    (k) =>
      `| ${k.id} | ${k.label.sv} | ${k.label.en} | \`${k.idPrefix}:\` | ${k.actor ? 'yes' : ''} | ${k.affiliation ? 'yes' : ''} | ${props(k.propLabels)} |`,
  ),
  '',
  '## Relation kinds',
  '',
  '| type | sv | en | from | to | directed | analysis role | properties |',
  '|---|---|---|---|---|---|---|---|',
  ...RELATION_KINDS.map(
    (k) =>
      `| ${k.id} | ${k.label.sv} | ${k.label.en} | ${k.from.join(', ')} | ${k.to.join(', ')} | ${k.directed ? 'yes' : 'no'} | ${k.role} | ${props(k.propLabels)} |`,
  ),
  '',
];
writeFileSync(new URL('../docs/data-model.md', import.meta.url), lines.join('\n'));
