import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPanel } from '../../../core/analysis/panel.js';
import { readCsvEdges } from '../../../core/exchange/read/csv-edges.js';
import { detectFormat, readGraph } from '../../../core/exchange/read/detect.js';
import { readGexf } from '../../../core/exchange/read/gexf.js';
import { readGraphml } from '../../../core/exchange/read/graphml.js';
import { readSnapshot } from '../../../core/exchange/read/snapshot.js';
import { FIXTURES, loadReference, toGraph } from './support.js';

const fixture = (name: string) => readFileSync(FIXTURES + name, 'utf8');
const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
};

describe('GraphML reader', () => {
  it('reads the karate club written by NetworkX: nodes, edges, typed attributes, direction', () => {
    const { graph, directed, format } = readGraphml(fixture('karate.graphml'));
    expect(format).toBe('graphml');
    expect(directed).toBe(false);
    expect(graph.order).toBe(34);
    expect(graph.size).toBe(78);
    expect(graph.getNodeAttribute('0', 'club')).toBe('Mr. Hi');
    const weights = graph.mapEdges((_e, a) => a.weight as number);
    expect(weights.every((w) => typeof w === 'number' && w > 0)).toBe(true);
  });

  it('gives the same panel as the JSON fixture it was written from', () => {
    const fromFile = runPanel(readGraphml(fixture('karate.graphml')).graph, { weight: 'weight', partition: 'club' });
    const fromJson = runPanel(toGraph(loadReference('karate')), { weight: 'weight', partition: 'club' });
    expect(fromFile.nodes).toEqual(fromJson.nodes);
  });

  it('reads edgedefault="directed"', () => {
    const { graph, directed } = readGraphml(fixture('borgatti-directed.graphml'));
    expect(directed).toBe(true);
    expect(graph.type).toBe('directed');
    expect(graph.size).toBe(4);
    expect(graph.hasDirectedEdge('2', '1')).toBe(true);
  });

  it('applies key types and defaults, adds undeclared edge ends, decodes entities and CDATA', () => {
    const xml = `<?xml version="1.0"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="k0" for="node" attr.name="type" attr.type="string"><default>kommun</default></key>
        <key id="k1" for="edge" attr.name="w" attr.type="double"/>
        <key id="k2" for="node" attr.name="active" attr.type="boolean"/>
        <graph edgedefault="undirected">
          <node id="a"><data key="k0">AT&amp;T</data><data key="k2">true</data></node>
          <node id="b"><data key="k0"><![CDATA[<region>]]></data></node>
          <node id="c"/>
          <edge source="a" target="b"><data key="k1">2.5</data></edge>
          <edge source="c" target="d"><data key="k1">1e0</data></edge>
        </graph>
      </graphml>`;
    const { graph } = readGraphml(xml);
    expect(graph.getNodeAttributes('a')).toEqual({ type: 'AT&T', active: true });
    expect(graph.getNodeAttribute('b', 'type')).toBe('<region>');
    expect(graph.getNodeAttribute('c', 'type')).toBe('kommun');
    expect(graph.hasNode('d')).toBe(true);
    expect(graph.getEdgeAttribute(graph.edges('a', 'b')[0], 'w')).toBe(2.5);
  });

  it('rejects what is not a GraphML graph', () => {
    expect(code(() => readGraphml('<root/>'))).toBe('not_a_graph');
    expect(code(() => readGraphml('<graphml></graphml>'))).toBe('not_a_graph');
    expect(code(() => readGraphml('<graphml><graph><edge source="a"/></graph></graphml>'))).toBe('not_a_graph');
    expect(code(() => readGraphml('<graphml><graph><node id="a"></graph></graphml>'))).toBe('malformed_xml');
    expect(code(() => readGraphml('<graphml><graph><node id="a">&nbsp;</node></graph></graphml>'))).toBe(
      'malformed_xml',
    );
    expect(code(() => readGraphml('this is not xml'))).toBe('malformed_xml');
    expect(
      code(() =>
        readGraphml(
          '<graphml><key id="k" for="edge" attr.name="w" attr.type="double"/><graph><edge source="a" target="b"><data key="k">x</data></edge></graph></graphml>',
        ),
      ),
    ).toBe('not_a_graph');
  });
});

describe('XML safety (GraphML and GEXF)', () => {
  const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<graphml><graph><node id="&lol2;"/></graph></graphml>`;
  const external = `<?xml version="1.0"?><!DOCTYPE g [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><gexf><graph><nodes><node id="&xxe;"/></nodes></graph></gexf>`;

  it('refuses DOCTYPE and ENTITY declarations before parsing (xml_doctype_forbidden)', () => {
    expect(code(() => readGraphml(laughs))).toBe('xml_doctype_forbidden');
    expect(code(() => readGexf(external))).toBe('xml_doctype_forbidden');
    expect(code(() => readGraphml('<!doctype graphml><graphml/>'))).toBe('xml_doctype_forbidden');
    expect(code(() => readGraphml('<graphml><!-- <!ENTITY x "y"> --><graph/></graphml>'))).toBe(
      'xml_doctype_forbidden',
    );
    expect(code(() => readGraph(laughs, { fileName: 'g.graphml' }))).toBe('xml_doctype_forbidden');
  });

  it('caps the input size (input_too_large)', () => {
    const big = '<graphml><graph>' + '<node id="n"/>'.repeat(100) + '</graph></graphml>';
    expect(code(() => readGraphml(big, { maxChars: 1000 }))).toBe('input_too_large');
    expect(code(() => readGexf(big, { maxChars: 1000 }))).toBe('input_too_large');
    expect(code(() => readCsvEdges('a,b\n'.repeat(300), { maxChars: 1000 }))).toBe('input_too_large');
    expect(code(() => readSnapshot(' '.repeat(2000), { maxChars: 1000 }))).toBe('input_too_large');
  });

  it('has the import limits: depth (xml_too_deep) and element count (input_too_large), 64 levels by default', () => {
    const nested = (depth: number) => `<graphml>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}<graph/></graphml>`;
    expect(readGraphml(nested(60)).graph.order).toBe(0);
    expect(code(() => readGraphml(nested(100)))).toBe('xml_too_deep');
    expect(code(() => readGexf(`<gexf>${nested(100)}</gexf>`))).toBe('xml_too_deep');
    const many = '<graphml><graph>' + '<node id="n1"/>'.repeat(50) + '</graph></graphml>';
    expect(code(() => readGraphml(many, { maxXmlElements: 20 }))).toBe('input_too_large');
  });
});

describe('GEXF reader', () => {
  it('reads the Florentine families written by NetworkX', () => {
    const { graph, directed, format } = readGexf(fixture('florentine.gexf'));
    expect(format).toBe('gexf');
    expect(directed).toBe(false);
    expect(graph.order).toBe(15);
    expect(graph.size).toBe(20);
    expect(graph.getNodeAttribute('Medici', 'label')).toBe('Medici');
    const r = runPanel(graph);
    expect(Math.abs(r.nodes.Medici.betweenness - 0.522)).toBeLessThan(5e-4);
  });

  it('reads attribute declarations, attvalues, edge weights and a directed default', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <gexf xmlns="http://gexf.net/1.3" version="1.3">
        <graph defaultedgetype="directed">
          <attributes class="node"><attribute id="0" title="orgType" type="string"><default>kommun</default></attribute>
            <attribute id="1" title="staff" type="integer"/></attributes>
          <nodes>
            <node id="a" label="Region"><attvalues><attvalue for="0" value="region"/><attvalue for="1" value="12"/></attvalues></node>
            <node id="b" label="Jönköping"/>
          </nodes>
          <edges><edge id="0" source="a" target="b" weight="3.5"/></edges>
        </graph>
      </gexf>`;
    const { graph, directed } = readGexf(xml);
    expect(directed).toBe(true);
    expect(graph.getNodeAttributes('a')).toEqual({ orgType: 'region', staff: 12, label: 'Region' });
    expect(graph.getNodeAttribute('b', 'orgType')).toBe('kommun');
    expect(graph.getEdgeAttribute(graph.edges('a', 'b')[0], 'weight')).toBe(3.5);
  });

  it('rejects what is not a GEXF graph', () => {
    expect(code(() => readGexf('<graphml/>'))).toBe('not_a_graph');
    expect(code(() => readGexf('<gexf><graph><edges><edge source="a"/></edges></graph></gexf>'))).toBe('not_a_graph');
    expect(
      code(() => readGexf('<gexf><graph><edges><edge source="a" target="b" weight="heavy"/></edges></graph></gexf>')),
    ).toBe('not_a_graph');
  });
});

describe('CSV edge-list reader', () => {
  it('reads a headed list (kite) and a weighted one (Borgatti)', () => {
    const kite = readCsvEdges(fixture('kite.csv'));
    expect(kite.graph.order).toBe(10);
    expect(kite.graph.size).toBe(18);
    expect(kite.directed).toBe(false);
    const b = readCsvEdges(fixture('borgatti-weighted.csv'));
    const r = runPanel(b.graph, { weight: 'weight' });
    expect(Math.abs(r.nodes.G.constraint! - 0.299)).toBeLessThan(5e-4);
  });

  it('reads a list without header (third column = weight), quoted fields, CRLF, tabs and semicolons', () => {
    const plain = readCsvEdges('a,b,2\r\nb,c,0.5\r\n\r\n"Region, Jönköping","He said ""hi""",1\n');
    expect(plain.graph.order).toBe(5);
    expect(plain.graph.getEdgeAttribute(plain.graph.edges('a', 'b')[0], 'weight')).toBe(2);
    expect(plain.graph.hasNode('Region, Jönköping')).toBe(true);
    expect(plain.graph.hasNode('He said "hi"')).toBe(true);
    const tabbed = readCsvEdges('from\tto\tstrength\nx\ty\t3\n').graph;
    expect(tabbed.getEdgeAttribute(tabbed.edges('x', 'y')[0], 'strength')).toBe(3);
    expect(readCsvEdges('x;y\ny;z\n').graph.size).toBe(2);
    const headed = readCsvEdges('u,v,kind\na,b,FUNDS\n');
    // "u,v,kind" names no known columns and the cell below "kind" is text too: read as data, not as a header.
    expect(headed.graph.order).toBe(4);
    expect(headed.graph.getEdgeAttribute(headed.graph.edges('u', 'v')[0], 'weight')).toBe('kind');
  });

  it('rejects malformed lists', () => {
    expect(code(() => readCsvEdges(''))).toBe('not_a_graph');
    expect(code(() => readCsvEdges('source,target\n'))).toBe('not_a_graph');
    expect(code(() => readCsvEdges('a,b\nc\n'))).toBe('malformed_csv');
    expect(code(() => readCsvEdges('a,"b\n'))).toBe('malformed_csv');
    expect(code(() => readCsvEdges('a,\n'))).toBe('malformed_csv');
  });
});

describe('JSON snapshot reader', () => {
  const meta = { version: 1, createdAt: '2025-01-01', createdBy: 't', updatedAt: '2025-01-01', updatedBy: 't' };
  const snapshot = {
    nodes: [
      { id: 'org:a', kind: 'Organisation', name: 'A', props: { orgType: 'kommun' }, ...meta },
      { id: 'org:b', kind: 'Organisation', name: 'B', props: { orgType: 'larosate' }, ...meta },
      { id: 'nw:c', kind: 'Network', name: 'C', props: { networkType: 'kompetensrad' }, ...meta },
    ],
    relations: [
      {
        id: 'r1',
        type: 'COLLABORATES_WITH',
        from: 'org:a',
        to: 'org:b',
        weight: 2,
        props: {},
        sources: [],
        evidence: 'confirmed',
        validFrom: null,
        validTo: null,
        ...meta,
      },
      {
        id: 'r2',
        type: 'MEMBER_OF',
        from: 'org:a',
        to: 'nw:c',
        props: { role: 'ledamot' },
        sources: [],
        evidence: 'probable',
        validFrom: null,
        validTo: null,
        ...meta,
      },
    ],
  };

  it('makes every node a vertex and every relation an edge, with flattened props', () => {
    const { graph, directed, format } = readSnapshot(JSON.stringify(snapshot));
    expect(format).toBe('snapshot');
    expect(directed).toBe(false);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(2);
    expect(graph.getNodeAttributes('org:a')).toEqual({ orgType: 'kommun', kind: 'Organisation', name: 'A' });
    const r1 = graph.edges('org:a', 'org:b')[0];
    expect(graph.getEdgeAttributes(r1)).toEqual({ type: 'COLLABORATES_WITH', evidence: 'confirmed', weight: 2 });
    expect(graph.getEdgeAttribute(graph.edges('org:a', 'nw:c')[0], 'role')).toBe('ledamot');
    const r = runPanel(graph, { partition: 'kind' });
    expect(r.nodes['org:a'].brokerage.representative).toBe(1);
  });

  it('rejects what is not a snapshot', () => {
    expect(code(() => readSnapshot('{"nodes": [], '))).toBe('malformed_json');
    expect(code(() => readSnapshot('[1, 2]'))).toBe('not_a_graph');
    expect(code(() => readSnapshot('{"nodes": [{"name": "x"}], "relations": []}'))).toBe('not_a_graph');
    const dangling = { ...snapshot, relations: [{ ...snapshot.relations[0], to: 'org:zzz' }] };
    expect(code(() => readSnapshot(JSON.stringify(dangling)))).toBe('not_a_graph');
  });
});

describe('format detection', () => {
  it('uses the extension first, then the content', () => {
    expect(detectFormat('', 'x.graphml')).toBe('graphml');
    expect(detectFormat('', 'x.GEXF')).toBe('gexf');
    expect(detectFormat('', 'x.csv')).toBe('csv');
    expect(detectFormat('', 'snapshot.json')).toBe('snapshot');
    expect(detectFormat('<?xml version="1.0"?>\n<graphml xmlns="x">')).toBe('graphml');
    expect(detectFormat('\uFEFF<gexf version="1.2">')).toBe('gexf');
    expect(detectFormat('<?xml version="1.0"?><gexf>', 'export.xml')).toBe('gexf');
    expect(detectFormat('{"nodes": []}')).toBe('snapshot');
    expect(detectFormat('a,b\n', 'edges')).toBe('csv');
  });

  it('refuses unknown formats (unknown_format)', () => {
    expect(code(() => detectFormat('<html><body/></html>'))).toBe('unknown_format');
    expect(code(() => detectFormat('just some words', 'notes'))).toBe('unknown_format');
    expect(code(() => readGraph('%PDF-1.4 binary'))).toBe('unknown_format');
  });
});
