import { exchangeError } from './errors.js';
import { decodeWindows1252, firstInvalidUtf8 } from './text-decode.js';

/**
 * The gate every XML import passes before a parser sees it: size first, then encoding, then a plain byte scan
 * that refuses any document type declaration or entity declaration. Nothing is expanded, resolved or fetched:
 * external entities (XXE) and entity expansion (billion laughs) cannot happen because such a file never reaches
 * the parser. The scan is linear in the size of the file and allocates nothing beyond the decoded text.
 */
export interface XmlGuardOptions {
  maxBytes: number;
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const DOCTYPE = ascii('<!DOCTYPE');
const ENTITY = ascii('<!ENTITY');

const DECLARATIONS: ReadonlyArray<readonly [number[], string, string]> = [
  [DOCTYPE, 'xml_doctype', 'DOCTYPE'],
  [ENTITY, 'xml_entity', 'ENTITY'],
];

/** Position of an ASCII pattern in bytes, case-insensitively (ASCII letters only), or -1. */
function findAscii(bytes: Uint8Array, pattern: number[]): number {
  const first = pattern[0];
  const n = bytes.length - pattern.length;
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= n; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < pattern.length; k++) {
      const b = bytes[i + k];
      const p = pattern[k];
      if (b !== p && !(p >= 0x41 && p <= 0x5a && b === p + 0x20)) continue outer;
    }
    return i;
  }
  return -1;
}

const refusal = (code: string, what: string, line: number) =>
  exchangeError(
    'refused',
    code,
    `Filen innehåller en <!${what}>-deklaration (rad ${line}). Dokumenttypdeklarationer och entiteter tas inte emot, eftersom de kan läsa filer eller blåsa upp minnet (XXE, "billion laughs").`,
    `The file holds a <!${what}> declaration (line ${line}). Document type declarations and entities are refused, because they can read files or blow up memory (XXE, "billion laughs").`,
    { line },
  );

const lineAt = (bytes: Uint8Array, offset: number) => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
};

/** Throws unless the bytes are a plain XML document we are willing to parse; returns its text. */
export function guardXml(bytes: Uint8Array, options: XmlGuardOptions): string {
  if (bytes.length > options.maxBytes) {
    throw exchangeError(
      'too_large',
      'too_large',
      `Filen är ${bytes.length} byte; gränsen är ${options.maxBytes}`,
      `The file is ${bytes.length} bytes; the limit is ${options.maxBytes}`,
      { size: bytes.length, limit: options.maxBytes },
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    // UTF-16: decoding expands nothing, so decode first and scan the text.
    return refuseDeclarations(new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)));
  }
  for (const [pattern, code, what] of DECLARATIONS) {
    const at = findAscii(bytes, pattern);
    if (at >= 0) throw refusal(code, what, lineAt(bytes, at));
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const declared = declaredEncoding(body);
  if (declared && /^(iso-8859-1|latin-?1|windows-1252|cp1252)$/i.test(declared)) return decodeWindows1252(body);
  if (declared && !/^(utf-8|utf8|us-ascii|ascii)$/i.test(declared)) {
    throw exchangeError(
      'unsupported',
      'encoding',
      `Teckenkodningen "${declared}" stöds inte (använd UTF-8)`,
      `The encoding "${declared}" is not supported (use UTF-8)`,
    );
  }
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    const line = lineAt(body, bad);
    throw exchangeError(
      'malformed',
      'encoding',
      `Filen är inte giltig UTF-8 (byte 0x${body[bad].toString(16).toUpperCase()} på rad ${line})`,
      `The file is not valid UTF-8 (byte 0x${body[bad].toString(16).toUpperCase()} on line ${line})`,
      { line },
    );
  }
  return new TextDecoder('utf-8').decode(body);
}

/** Throws on a DOCTYPE or ENTITY declaration anywhere in the text (comments included); returns the text. */
function refuseDeclarations(text: string): string {
  for (const [pattern, code, what] of DECLARATIONS) {
    const at = text.search(new RegExp(pattern.map((c) => String.fromCharCode(c)).join(''), 'i'));
    if (at >= 0) throw refusal(code, what, text.slice(0, at).split('\n').length);
  }
  return text;
}

/**
 * The same gate for XML that is already text (the `analyse` command's graph files): the size in UTF-16 code units
 * against `maxBytes`, then the declaration scan. Returns the text without a leading byte-order mark.
 */
export function guardXmlText(text: string, options: XmlGuardOptions): string {
  if (text.length > options.maxBytes) {
    throw exchangeError(
      'too_large',
      'too_large',
      `Filen är ${text.length} tecken; gränsen är ${options.maxBytes}`,
      `The file is ${text.length} characters; the limit is ${options.maxBytes}`,
      { size: text.length, limit: options.maxBytes },
    );
  }
  return refuseDeclarations(text.replace(/^\uFEFF/, ''));
}

function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return m?.[1];
}
