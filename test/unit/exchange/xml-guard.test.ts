import { describe, it, expect } from 'vitest';
import { guardXml } from '../../../core/exchange/xml-guard.js';
import { parseXml } from '../../../core/exchange/xml-tree.js';
import { readGexf } from '../../../core/exchange/gexf-read.js';
import { readGraphml } from '../../../core/exchange/graphml-read.js';
import { readXlsx } from '../../../core/exchange/xlsx.js';
import { ExchangeError } from '../../../core/exchange/errors.js';
import { DEFAULT_LIMITS } from '../../../core/exchange/limits.js';
import { strToU8, zipSync } from 'fflate';
import { BILLION_LAUGHS, XXE } from './helpers.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ExchangeError);
    return (err as ExchangeError).code;
  }
  throw new Error('did not throw');
};

describe('XML guard', () => {
  it('refuses DOCTYPE and ENTITY declarations before parsing, naming the line', () => {
    expect(code(() => guardXml(utf8(XXE), { maxBytes: 1e6 }))).toBe('xml_doctype');
    try {
      guardXml(utf8(BILLION_LAUGHS), { maxBytes: 1e6 });
    } catch (err) {
      expect((err as ExchangeError).details.line).toBe(2);
      expect((err as ExchangeError).text.sv).toMatch(/DOCTYPE/);
    }
    // Any case, and an ENTITY without a DOCTYPE (which no parser should see either).
    expect(code(() => guardXml(utf8('<?xml version="1.0"?><!doctype x><x/>'), { maxBytes: 1e6 }))).toBe('xml_doctype');
    expect(code(() => guardXml(utf8('<x><!ENTITY a "b"></x>'), { maxBytes: 1e6 }))).toBe('xml_entity');
  });

  it('refuses a DOCTYPE in UTF-16 too', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><x/>';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    expect(code(() => guardXml(bytes, { maxBytes: 1e6 }))).toBe('xml_doctype');
  });

  it('refuses files over the limit before reading them', () => {
    expect(code(() => guardXml(new Uint8Array(1001), { maxBytes: 1000 }))).toBe('too_large');
  });

  it('leaves an undeclared entity to the parser, which fails instead of resolving it', () => {
    const text = guardXml(utf8('<x a="&xxe;"/>'), { maxBytes: 1e6 });
    expect(code(() => parseXml(text, DEFAULT_LIMITS))).toBe('xml_malformed');
  });

  it('refuses XXE and billion laughs in GEXF, GraphML and inside an XLSX workbook', () => {
    expect(code(() => readGexf(utf8(BILLION_LAUGHS)))).toBe('xml_doctype');
    expect(code(() => readGraphml(utf8(XXE)))).toBe('xml_doctype');
    const xlsx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8(
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook><sheets><sheet name="&x;" sheetId="1"/></sheets></workbook>',
      ),
    });
    expect(code(() => readXlsx(xlsx))).toBe('xml_doctype');
  });

  it('limits nesting depth and element count', () => {
    const deep = '<a>'.repeat(100) + '</a>'.repeat(100);
    expect(code(() => parseXml(deep, { maxXmlDepth: 64, maxXmlElements: 1e6 }))).toBe('xml_too_deep');
    expect(code(() => parseXml(`<r>${'<n/>'.repeat(50)}</r>`, { maxXmlDepth: 64, maxXmlElements: 10 }))).toBe(
      'xml_too_many_elements',
    );
  });

  it('reads Latin-1 declared files and refuses bytes that are not UTF-8 in a UTF-8 file', () => {
    const latin = new Uint8Array([...utf8('<?xml version="1.0" encoding="ISO-8859-1"?><x a="'), 0xe5, ...utf8('"/>')]);
    expect(guardXml(latin, { maxBytes: 1e6 })).toContain('a="å"');
    expect(code(() => guardXml(new Uint8Array([...utf8('<x a="'), 0xe5, ...utf8('"/>')]), { maxBytes: 1e6 }))).toBe(
      'encoding',
    );
  });
});
