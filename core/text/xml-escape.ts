/** Characters XML 1.0 does not allow at all (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/F). */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- the control characters are what this pattern is for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops characters that cannot appear in an XML document, so whatever we write stays well-formed. */
export const xmlSafe = (s: string): string => s.replace(INVALID_XML, '');

/** Escapes character data. A carriage return is written as a reference, or parsers would turn it into a newline. */
export const xmlText = (s: string): string =>
  xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

/** Escapes an attribute value (quoted with "). Tabs and line breaks become references so they survive normalisation. */
export const xmlAttr = (s: string): string =>
  xmlSafe(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
