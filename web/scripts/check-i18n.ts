/**
 * Translation check: every key used in web/src (t('key') or tk('key')) must exist in sv.json and en.json, the
 * two files must have the same keys, no value may be empty, and t() may only take a literal or a tk() key
 * outside i18n.ts. Run: `npx tsx web/scripts/check-i18n.ts` (exit 1 on any problem); the Vitest test
 * test/e2e/i18n-keys.test.ts runs the same check in CI.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface I18nReport {
  used: Map<string, string[]>;
  missing: { lang: string; key: string; files: string[] }[];
  onlyIn: { lang: string; key: string }[];
  empty: { lang: string; key: string }[];
  dynamic: { file: string; line: number; text: string }[];
  unused: string[];
}

const WEB = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SRC = join(WEB, 'src');
const LOCALES = join(SRC, 'i18n');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.ts$/.test(name) ? [p] : [];
  });
}

const KEY_CALL = /\b(?:t|tk)\(\s*(['"])([A-Za-z0-9_.-]+)\1/g;
/** t( followed by something other than a string literal or tk(. */
const DYNAMIC_T = /(?<![\w.])t\(\s*(?!['"]|tk\()([^)]{0,60})/g;

export function checkI18n(srcDir = SRC, localeDir = LOCALES): I18nReport {
  const used = new Map<string, string[]>();
  const dynamic: I18nReport['dynamic'] = [];
  for (const file of walk(srcDir)) {
    const rel = relative(srcDir, file);
    const text = readFileSync(file, 'utf8');
    if (rel.startsWith('i18n')) continue;
    for (const m of text.matchAll(KEY_CALL)) {
      const list = used.get(m[2]) ?? [];
      if (!list.includes(rel)) list.push(rel);
      used.set(m[2], list);
    }
    for (const m of text.matchAll(DYNAMIC_T)) {
      // Allowed: a variable that holds a key chosen from a tk() table, written as t(TABLE[...]) or t(x.key).
      const arg = m[1].trim();
      if (
        arg.includes('tk(') ||
        /^[A-Z_]+\[/.test(arg) ||
        /^\w+(\.\w+)*\.key\b/.test(arg) ||
        /^(title|ROLE_TEXT\[|keys\.get)/.test(arg)
      )
        continue;
      const line = text.slice(0, m.index).split('\n').length;
      dynamic.push({ file: rel, line, text: m[0].slice(0, 70) });
    }
  }
  const dicts: Record<string, Record<string, string>> = {};
  for (const lang of ['sv', 'en'])
    dicts[lang] = JSON.parse(readFileSync(join(localeDir, `${lang}.json`), 'utf8')) as Record<string, string>;
  const missing: I18nReport['missing'] = [];
  const empty: I18nReport['empty'] = [];
  for (const [key, files] of used)
    for (const lang of ['sv', 'en']) if (!(key in dicts[lang])) missing.push({ lang, key, files });
  for (const lang of ['sv', 'en'])
    for (const [key, v] of Object.entries(dicts[lang]))
      if (typeof v !== 'string' || v.trim() === '') empty.push({ lang, key });
  const onlyIn: I18nReport['onlyIn'] = [];
  for (const key of Object.keys(dicts.sv)) if (!(key in dicts.en)) onlyIn.push({ lang: 'sv', key });
  for (const key of Object.keys(dicts.en)) if (!(key in dicts.sv)) onlyIn.push({ lang: 'en', key });
  const unused = Object.keys(dicts.sv).filter((k) => !used.has(k));
  return { used, missing, onlyIn, empty, dynamic, unused };
}

export function formatReport(r: I18nReport): string[] {
  return [
    ...r.missing.map((m) => `missing in ${m.lang}.json: "${m.key}" (used in ${m.files.join(', ')})`),
    ...r.onlyIn.map((m) => `only in ${m.lang}.json: "${m.key}"`),
    ...r.empty.map((m) => `empty value in ${m.lang}.json: "${m.key}"`),
    ...r.dynamic.map((d) => `non-literal key at ${d.file}:${d.line}: ${d.text}`),
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = checkI18n();
  const problems = formatReport(report);
  if (process.argv.includes('--list-missing'))
    for (const m of report.missing.filter((x) => x.lang === 'sv')) console.log(m.key);
  if (report.unused.length > 0) console.warn(`unused keys (not an error): ${report.unused.join(', ')}`);
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }
  console.log(`i18n: ${report.used.size} keys used, sv.json and en.json complete and in step`);
}
