/**
 * XML for the `analyse` readers (GraphML, GEXF as any graph): the same gate and parser as the imports
 * (xml-guard: size, no DOCTYPE or ENTITY; xml-tree: saxes with element and depth limits, no entity expansion),
 * with their errors told as ReadError codes.
 */
import { ExchangeError } from '../errors.js';
import { withLimits } from '../limits.js';
import { guardXmlText } from '../xml-guard.js';
import { parseXml as parseXmlTree, type XmlElement } from '../xml-tree.js';
import { MAX_INPUT_BYTES, ReadError, type ReadErrorCode } from './errors.js';
import type { ReadOptions } from './types.js';

export { childNamed, childrenNamed, type XmlElement } from '../xml-tree.js';

const READ_CODES: Record<string, ReadErrorCode> = {
  too_large: 'input_too_large',
  xml_too_many_elements: 'input_too_large',
  xml_too_deep: 'xml_too_deep',
  xml_doctype: 'xml_doctype_forbidden',
  xml_entity: 'xml_doctype_forbidden',
};

export function parseXml(text: string, options: ReadOptions = {}): XmlElement {
  const limits = withLimits({
    maxBytes: options.maxChars ?? MAX_INPUT_BYTES,
    ...(options.maxXmlElements !== undefined ? { maxXmlElements: options.maxXmlElements } : {}),
    ...(options.maxXmlDepth !== undefined ? { maxXmlDepth: options.maxXmlDepth } : {}),
  });
  try {
    return parseXmlTree(guardXmlText(text, limits), limits);
  } catch (err) {
    if (!(err instanceof ExchangeError)) throw err;
    const code = READ_CODES[err.code] ?? 'malformed_xml';
    // The analyse command has always said "Not well-formed XML: <the parser's reason>".
    throw new ReadError(code, err.text.en.replace(/^Malformed XML:/, 'Not well-formed XML:'));
  }
}
