import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, parseRecords, readCsvEdges } from '../../../core/exchange/read/csv-edges.js';

/** Text without quotes: cells, the three delimiters, spaces, and every line ending (CRLF, CR, LF, blank lines). */
const unquoted = fc
  .array(fc.constantFrom('a', 'b7', ' ', ',', '\t', ';', '\r', '\n', '\r\n', 'ö'), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('CSV edge lists without quotes (the split fast path)', () => {
  it('gives exactly the rows and line numbers of the character-by-character parser', () => {
    fc.assert(
      fc.property(unquoted, fc.constantFrom(',', '\t', ';'), (text, delimiter) => {
        expect(parseCsv(text, delimiter)).toEqual(parseRecords(text, delimiter));
      }),
      { numRuns: 2000 },
    );
  });

  it('names the same line in an error with or without a quote, counting CRLF, CR and LF as one line each', () => {
    const text = 'source,target\r\na,b\r\rc\n\nd,e\n';
    expect(() => readCsvEdges(text)).toThrow('Line 4:');
    expect(() => readCsvEdges(text.replace('source', '"source"'))).toThrow('Line 4:');
  });
});
