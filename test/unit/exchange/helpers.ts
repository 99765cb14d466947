import { strToU8, zipSync } from 'fflate';
import { jonkopingBatch } from '../../../fixtures/jonkoping/index.js';
import { relationId } from '../../../core/model/ids.js';
import type { Batch, NodeRecord, RelationRecord, Snapshot } from '../../../core/model/records.js';

const meta = {
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: 't',
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: 't',
};

/** The fixture as the store would return it (defaults filled in). */
export function fixtureSnapshot(batch: Batch = jonkopingBatch()): Snapshot {
  return {
    nodes: batch.nodes.map((n) => ({ ...n, props: n.props ?? {}, ...meta }) as NodeRecord),
    relations: batch.relations.map(
      (r) =>
        ({
          ...r,
          id: r.id ?? relationId(r.type, r.from, r.to),
          weight: r.weight ?? 1,
          props: r.props ?? {},
          validFrom: r.validFrom ?? null,
          validTo: r.validTo ?? null,
          ...meta,
        }) as RelationRecord,
    ),
  };
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A workbook as Excel writes it: shared strings (one with rich-text runs and a phonetic run), a date style,
 * a formula with its cached value, an inline string, a boolean, sparse cells. Built by hand, not by our writer. */
export function excelStyleWorkbook(): Uint8Array {
  const ct = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
  const wb = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="Aktörer" sheetId="1" r:id="rId3"/><sheet name="Relationer" sheetId="2" r:id="rId7"/></sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>`;
  const ss = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${MAIN}" count="9" uniqueCount="9"><si><t>Id</t></si><si><t>Nodtyp</t></si><si><t>Namn</t></si><si><r><rPr><b/></rPr><t>Jönköping</t></r><r><t xml:space="preserve"> University</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si><si><t>Organisation</t></si><si><t>Kommunkod</t></si><si><t>Giltig från</t></si><si><t>Aktiv</t></si><si><t>Typ</t></si></sst>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd;@"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
  const sheet1 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>5</v></c><c r="E1" t="s"><v>6</v></c><c r="F1" t="s"><v>7</v></c><c r="G1" t="s"><v>8</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>org:ju</t></is></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>3</v></c><c r="D2"><v>680</v></c><c r="E2" s="1"><v>45292</v></c><c r="F2" t="b"><v>1</v></c><c r="G2" t="str"><v>Lärosäte</v></c></row>
<row r="4"><c r="C4" t="str"><f>CONCATENATE("A","B")</f><v>AB</v></c><c r="E4" s="2"><v>45000.5</v></c></row>
</sheetData></worksheet>`;
  const sheet2 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Från</t></is></c><c r="AB1" t="inlineStr"><is><t>Till</t></is></c></row></sheetData></worksheet>`;
  return zipSync({
    '[Content_Types].xml': strToU8(ct),
    'xl/workbook.xml': strToU8(wb),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/sharedStrings.xml': strToU8(ss),
    'xl/styles.xml': strToU8(styles),
    'xl/worksheets/sheet1.xml': strToU8(sheet1),
    'xl/worksheets/sheet2.xml': strToU8(sheet2),
    'xl/vbaProject.bin': new Uint8Array([1, 2, 3]),
  });
}

export const XXE = `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="&xxe;"/></graph></graphml>`;
export const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="&lol9;"/></nodes></graph></gexf>`;
