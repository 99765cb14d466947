import { SaxesParser } from 'saxes';
import { exchangeError } from './errors.js';

/** A parsed XML element: prefixed name as written, local name, attributes, children, own text and line. */
export interface XmlElement {
  name: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

export interface XmlTreeLimits {
  maxXmlElements: number;
  maxXmlDepth: number;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Parses XML text (already through `guardXml`) into a small tree. saxes is a conforming, non-validating parser
 * that knows no DTD: an entity it has not been told about is an error, never a fetch or an expansion.
 */
export function parseXml(text: string, limits: XmlTreeLimits): XmlElement {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  let failure: Error | undefined;
  const fail = (err: Error) => {
    if (!failure) failure = err;
  };
  parser.on('error', (err) => {
    fail(
      exchangeError('malformed', 'xml_malformed', `Felaktig XML: ${err.message}`, `Malformed XML: ${err.message}`, {
        line: parser.line,
      }),
    );
  });
  parser.on('doctype', () => {
    fail(
      exchangeError(
        'refused',
        'xml_doctype',
        'Filen innehåller en DOCTYPE-deklaration',
        'The file holds a DOCTYPE declaration',
      ),
    );
  });
  parser.on('opentag', (tag) => {
    if (failure) return;
    count++;
    if (count > limits.maxXmlElements) {
      fail(
        exchangeError(
          'too_large',
          'xml_too_many_elements',
          `Filen har fler än ${limits.maxXmlElements} element`,
          `The file has more than ${limits.maxXmlElements} elements`,
        ),
      );
      return;
    }
    if (stack.length >= limits.maxXmlDepth) {
      fail(
        exchangeError(
          'refused',
          'xml_too_deep',
          `XML nästlad djupare än ${limits.maxXmlDepth} nivåer`,
          `XML nested deeper than ${limits.maxXmlDepth} levels`,
        ),
      );
      return;
    }
    const el: XmlElement = {
      name: tag.name,
      local: localName(tag.name),
      attrs: { ...(tag.attributes as Record<string, string>) },
      children: [],
      text: '',
      line: parser.line,
    };
    if (stack.length > 0) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    if (!failure) stack.pop();
  });
  const addText = (t: string) => {
    if (!failure && stack.length > 0) stack[stack.length - 1].text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(text).close();
  } catch (err) {
    fail(err as Error);
  }
  if (failure) throw failure;
  if (!root)
    throw exchangeError(
      'malformed',
      'xml_malformed',
      'Filen innehåller inget XML-element',
      'The file holds no XML element',
    );
  return root;
}

export const childrenNamed = (el: XmlElement, local: string): XmlElement[] =>
  el.children.filter((c) => c.local === local);
export const childNamed = (el: XmlElement, local: string): XmlElement | undefined =>
  el.children.find((c) => c.local === local);
