import { describe, it, expect } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { excelStyleWorkbook } from './helpers.js';
import { columnIndex, columnLetters, readXlsx, serialToIsoDate, writeXlsx } from '../../../core/exchange/xlsx.js';
import { ExchangeError } from '../../../core/exchange/errors.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

describe('XLSX', () => {
  it('converts column letters and Excel dates', () => {
    expect(columnIndex('A')).toBe(0);
    expect(columnIndex('AB12')).toBe(27);
    expect(columnLetters(27)).toBe('AB');
    expect(columnLetters(701)).toBe('ZZ');
    expect(serialToIsoDate(45292)).toBe('2024-01-01');
    expect(serialToIsoDate(1)).toBe('1899-12-31');
    expect(serialToIsoDate(0, true)).toBe('1904-01-01');
  });

  it('reads a workbook as Excel writes it: shared and rich strings, dates, formulas, booleans, sparse cells', () => {
    const wb = readXlsx(excelStyleWorkbook());
    expect(wb.sheets.map((s) => s.name)).toEqual(['Aktörer', 'Relationer']);
    const [actors, relations] = wb.sheets;
    expect(actors.rows[0].map((c) => c?.text)).toEqual([
      'Id',
      'Nodtyp',
      'Namn',
      'Kommunkod',
      'Giltig från',
      'Aktiv',
      'Typ',
    ]);
    expect(actors.rows[1].map((c) => c?.text)).toEqual([
      'org:ju',
      'Organisation',
      'Jönköping University',
      '680',
      '2024-01-01',
      'true',
      'Lärosäte',
    ]);
    expect(actors.rows[1][3]?.numeric).toBe(true);
    expect(actors.rows[2]).toEqual([]);
    expect(actors.rows[3][2]).toEqual({ text: 'AB', formula: 'CONCATENATE("A","B")' });
    expect(actors.rows[3][4]?.text).toBe('2023-03-15');
    expect(relations.rows[0][27]?.text).toBe('Till');
  });

  it('writes a workbook it reads back, with a frozen bold header and neutralised formula-like text', () => {
    const bytes = writeXlsx([
      {
        name: 'Aktörer',
        rows: [
          ['Namn', 'Värde', 'Ja'],
          ['=cmd|x', -1.5, true],
          ['Åsa <&> "Öberg"', 3, false],
          ['  space ', null, null],
        ],
      },
      { name: 'a/b:c*d?', rows: [['x']] },
    ]);
    const parts = unzipSync(bytes);
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/workbook.xml',
        'xl/styles.xml',
        'xl/worksheets/sheet1.xml',
      ]),
    );
    expect(new TextDecoder().decode(parts['xl/worksheets/sheet1.xml'])).toContain('state="frozen"');
    const wb = readXlsx(bytes);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Aktörer', 'a b c d ']);
    expect(wb.sheets[0].rows.map((r) => r.map((c) => c?.text))).toEqual([
      ['Namn', 'Värde', 'Ja'],
      ["'=cmd|x", '-1.5', 'true'],
      ['Åsa <&> "Öberg"', '3', 'false'],
      ['  space '],
    ]);
    expect(wb.sheets[0].rows[1][0]?.formula).toBeUndefined();
  });

  it('refuses legacy or encrypted workbooks, non-zips, and parts that unzip too large', () => {
    const code = (bytes: Uint8Array, limits = {}) => {
      try {
        readXlsx(bytes, limits);
      } catch (err) {
        return (err as ExchangeError).code;
      }
      return 'none';
    };
    expect(code(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('xlsx_legacy_or_encrypted');
    expect(code(strToU8('Id;Namn\n'))).toBe('xlsx_not_zip');
    // A zip bomb: 60 MB of one letter, which deflates to a few tens of kilobytes.
    const bomb = zipSync(
      {
        'xl/workbook.xml': strToU8('<workbook/>'),
        'xl/worksheets/sheet1.xml': new Uint8Array(60 * 1024 * 1024).fill(0x41),
      },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(200_000);
    const before = process.memoryUsage().heapUsed;
    expect(code(bomb, { maxPartBytes: 10 * 1024 * 1024 })).toBe('xlsx_too_large_unzipped');
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('does not trust the size a zip declares: a part that inflates past it is cut and fails as damaged', () => {
    const big = new Uint8Array(5_000_000).fill(0x41);
    const zip = zipSync({
      'xl/workbook.xml': strToU8(`<workbook xmlns="${MAIN}"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>`),
      'xl/worksheets/sheet1.xml': big,
    });
    // Patch the central directory's uncompressed size of the sheet to 100 bytes.
    const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let patched = 0;
    for (let i = zip.length - 22; i >= 0; i--) {
      if (dv.getUint32(i, true) === 0x02014b50) {
        const nameLen = dv.getUint16(i + 28, true);
        const name = new TextDecoder().decode(zip.subarray(i + 46, i + 46 + nameLen));
        if (name === 'xl/worksheets/sheet1.xml') {
          dv.setUint32(i + 24, 100, true);
          patched++;
        }
      }
    }
    expect(patched).toBe(1);
    expect(() => readXlsx(zip)).toThrow(ExchangeError);
  });
});
