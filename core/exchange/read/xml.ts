import { SaxesParser } from 'saxes';
import { checkSize, ReadError } from './errors.js';

/** A parsed XML element: local name (prefix stripped), attributes (local names), children and direct text. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const FORBIDDEN = /<!\s*(doctype|entity)/i;

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * Parses a GraphML/GEXF document safely:
 * - refuses, before any parsing, a document containing `<!DOCTYPE` or `<!ENTITY` (no DTDs, so no entity
 *   expansion, "billion laughs" or external entities);
 * - caps the input size;
 * - uses saxes, a strict (well-formedness-checking), non-validating streaming parser that resolves only the
 *   five predefined entities and character references, and never fetches anything.
 * The tree is built iteratively (no recursion), so deep documents cannot overflow the stack.
 */
export function parseXml(text: string, maxChars?: number): XmlElement {
  checkSize(text, maxChars);
  if (FORBIDDEN.test(text))
    throw new ReadError(
      'xml_doctype_forbidden',
      'XML documents with a DOCTYPE or ENTITY declaration are not accepted.',
    );
  const parser = new SaxesParser({ xmlns: false, position: true });
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let failure: Error | null = null;
  parser.on('error', (err) => {
    failure ??= err;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[local(k)] = String(v);
    const el: XmlElement = { name: local(tag.name), attrs, children: [], text: '' };
    stack[stack.length - 1].children.push(el);
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', (t) => {
    stack[stack.length - 1].text += t;
  });
  parser.on('cdata', (t) => {
    stack[stack.length - 1].text += t;
  });
  parser.on('doctype', () => {
    failure ??= new ReadError('xml_doctype_forbidden', 'XML documents with a DOCTYPE declaration are not accepted.');
  });
  try {
    parser.write(text).close();
  } catch (err) {
    failure ??= err as Error;
  }
  if (failure) {
    if (failure instanceof ReadError) throw failure;
    throw new ReadError('malformed_xml', `Not well-formed XML: ${failure.message}`);
  }
  const top = root.children[0];
  if (!top) throw new ReadError('not_a_graph', 'The XML document has no root element.');
  return top;
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}
