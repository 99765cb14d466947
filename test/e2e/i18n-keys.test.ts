/**
 * Translations (runs in Node, no browser): every key used in web/src exists in sv.json and en.json, the two
 * files have the same keys, no value is empty, and keys are literals that the checker can see.
 */
import { describe, expect, it } from 'vitest';
import { checkI18n, formatReport } from '../../web/scripts/check-i18n.js';

describe('locale files', () => {
  const report = checkI18n();

  it('finds the keys used by the front end', () => {
    expect(report.used.size).toBeGreaterThan(200);
  });

  it('has every used key in Swedish and English, the same key sets, no empty values, no dynamic keys', () => {
    expect(formatReport(report)).toEqual([]);
  });
});
