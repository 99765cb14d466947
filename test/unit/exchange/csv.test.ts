import { describe, it, expect } from 'vitest';
import { parseCsv, readCsv, sniffDelimiter, writeCsv } from '../../../core/exchange/csv.js';
import { decodeText, encodeWindows1252, firstInvalidUtf8 } from '../../../core/exchange/text-decode.js';
import { ExchangeError } from '../../../core/exchange/errors.js';
import { looksLikeFormula, neutralise, unneutralise } from '../../../core/exchange/formula-safe.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('CSV', () => {
  it('parses RFC 4180: quotes, doubled quotes, line breaks in fields, CRLF', () => {
    const rows = parseCsv('a,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\n1,,3\r\n', ',');
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\nline2'],
      ['1', '', '3'],
    ]);
  });

  it('names the row of an unterminated quote', () => {
    try {
      parseCsv('a;b\n1;"open\n2;3\n', ';');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ExchangeError);
      expect((err as ExchangeError).code).toBe('csv_unterminated_quote');
      expect((err as ExchangeError).details.row).toBe(2);
    }
  });

  it('sniffs ; , and tab from the header, ignoring delimiters inside quotes', () => {
    expect(sniffDelimiter('Namn;Typ;Kommunkod\n"A, B";x;1')).toBe(';');
    expect(sniffDelimiter('"Namn; med semikolon",Typ,Kod\n')).toBe(',');
    expect(sniffDelimiter('Namn\tTyp\n')).toBe('\t');
    expect(sniffDelimiter('Namn\n')).toBe(',');
  });

  it('reads UTF-8 with and without BOM, and falls back to Windows-1252 when the bytes are not UTF-8', () => {
    expect(readCsv(utf8('\uFEFFNamn;Ort\nÅsa;Jönköping\n'))).toMatchObject({
      encoding: 'utf-8-bom',
      delimiter: ';',
      rows: [
        ['Namn', 'Ort'],
        ['Åsa', 'Jönköping'],
      ],
    });
    expect(readCsv(utf8('Namn,Ort\nÅsa,Jönköping\n'))).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    // å = 0xE5, ö = 0xF6 in Windows-1252: not valid UTF-8.
    const bytes = new Uint8Array([
      ...utf8('Namn;Ort\r\n'),
      0xc5,
      0x73,
      0x61,
      0x3b,
      0x4a,
      0xf6,
      0x6e,
      0x6b,
      0xf6,
      0x70,
      0x69,
      0x6e,
      0x67,
      0x0d,
      0x0a,
    ]);
    expect(firstInvalidUtf8(bytes)).toBe(10);
    expect(readCsv(bytes)).toMatchObject({
      encoding: 'windows-1252',
      rows: [
        ['Namn', 'Ort'],
        ['Åsa', 'Jönköping'],
      ],
    });
  });

  it('says where a file that must be UTF-8 is not, and refuses binary files', () => {
    const bytes = new Uint8Array([...utf8('a\nb\n'), 0xe5, 0x0a]);
    expect(() => decodeText(bytes, 'utf-8')).toThrow(/line 3/);
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toThrow(/zip/);
    expect(() => decodeText(new Uint8Array([0x41, 0x00, 0x42]))).toThrow(/binary/);
  });

  it('encodes and decodes Windows-1252 as Python does (€, å, ä, ö, dashes, quotes)', () => {
    expect([...encodeWindows1252('€åäö—')]).toEqual([0x80, 0xe5, 0xe4, 0xf6, 0x97]);
    // Bytes from Python: '€–“”‚Šž'.encode('cp1252')
    expect(decodeText(new Uint8Array([0x80, 0x96, 0x93, 0x94, 0x82, 0x8a, 0x9e]), 'windows-1252').text).toBe('€–“”‚Šž');
    const all = Uint8Array.from({ length: 256 }, (_, i) => i).filter((b) => b !== 0);
    expect([...encodeWindows1252(decodeText(all, 'windows-1252').text)]).toEqual([...all]);
  });

  it('writes quoted cells, CRLF and a BOM, and neutralises text that could be a formula', () => {
    const out = writeCsv([
      ['Namn', 'Värde'],
      ['=SUM(A1:A2)', -0.25],
      ['+46 36 10 50 00', '@foo'],
      ['-x', '\tTab'],
      ['\rCR', 'a;b'],
      ['"quoted", yes', null],
    ]);
    expect(out.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(out.slice(1), ',');
    expect(rows[1]).toEqual(["'=SUM(A1:A2)", '-0.25']);
    expect(rows[2]).toEqual(["'+46 36 10 50 00", "'@foo"]);
    expect(rows[3]).toEqual(["'-x", "'\tTab"]);
    expect(rows[4]).toEqual(["'\rCR", 'a;b']);
    expect(rows[5]).toEqual(['"quoted", yes', '']);
    // Every text cell of the output that begins with a dangerous character is neutralised.
    for (const cell of rows.flat()) expect(/^[=+\-@\t\r]/.test(cell) && Number.isNaN(Number(cell))).toBe(false);
    expect(out.includes('\r\n')).toBe(true);
  });

  it('undoes its own neutralisation and tells formulas from numbers', () => {
    for (const s of ['=1+1', '+x', '-y', '@z', '\tt', '\rr']) expect(unneutralise(neutralise(s))).toBe(s);
    expect(unneutralise("'plain")).toBe("'plain");
    expect(looksLikeFormula('=HYPERLINK("x")')).toBe(true);
    expect(looksLikeFormula('@SUM(A1)')).toBe(true);
    expect(looksLikeFormula('+cmd|x')).toBe(true);
    expect(looksLikeFormula('-5')).toBe(false);
    expect(looksLikeFormula('+46 36 10 50 00')).toBe(false);
    expect(looksLikeFormula('-')).toBe(false);
    expect(looksLikeFormula('Jönköping')).toBe(false);
  });
});
