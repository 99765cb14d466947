import { exchangeError } from './errors.js';

/** Which encoding a text file was read as. `utf-8-bom` is UTF-8 that began with a byte-order mark. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type EncodingChoice = 'auto' | 'utf-8' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const startsWith = (b: Uint8Array, ...prefix: number[]) => prefix.every((x, i) => b[i] === x);

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Windows-1252's 0x80–0x9F (WHATWG's table; the five unassigned bytes map to the C1 controls). Decoded by hand:
 * Node's TextDecoder('windows-1252') reads these bytes as ISO-8859-1, which turns "–" and "€" into controls.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  const codes = new Array<number>(CHUNK);
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes[i - start] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** 1-based line of a byte offset (for messages about a bad byte). */
const lineOf = (bytes: Uint8Array, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
};

/**
 * Decodes a text file. With `auto`: a BOM decides; otherwise valid UTF-8 is UTF-8, and anything else is read as
 * Windows-1252 (what Swedish Excel writes with "CSV (semikolonavgränsad)"). A file with NUL bytes is not text.
 */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodedText {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf))
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (startsWith(bytes, 0xff, 0xfe))
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff))
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    throw exchangeError(
      'malformed',
      'not_text',
      'Filen är en zip-fil (kanske en Excel-arbetsbok), inte text',
      'The file is a zip file (perhaps an Excel workbook), not text',
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw exchangeError(
      'malformed',
      'not_text',
      `Filen innehåller binära data (byte 0 vid position ${nul}) och är inte text`,
      `The file holds binary data (byte 0 at offset ${nul}) and is not text`,
      { offset: nul },
    );
  }
  if (choice === 'windows-1252') return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (choice === 'utf-8') {
    const line = lineOf(bytes, bad);
    throw exchangeError(
      'malformed',
      'encoding',
      `Filen är inte giltig UTF-8 (byte 0x${bytes[bad].toString(16).toUpperCase()} på rad ${line}); spara som "CSV UTF-8" eller välj Windows-1252`,
      `The file is not valid UTF-8 (byte 0x${bytes[bad].toString(16).toUpperCase()} on line ${line}); save it as "CSV UTF-8" or choose Windows-1252`,
      { offset: bad, line },
    );
  }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/** Windows-1252 bytes of a text (for tests and for users who want Excel's legacy CSV). Unmappable -> '?'. */
export function encodeWindows1252(text: string): Uint8Array {
  const extra: Record<number, number> = {};
  CP1252_HIGH.forEach((cp, i) => {
    extra[cp] = 0x80 + i;
  });
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out[n++] = cp;
    else out[n++] = extra[cp] ?? 0x3f;
  }
  return out.subarray(0, n);
}
