import PDFDocument from 'pdfkit';
import { renderSvg } from '../../core/render/svg.js';
import type { ReportItem, ReportModel, ReportSection, ReportTable } from '../../core/report/model.js';
import { rt } from '../../core/report/strings.js';
import { renderPng } from '../render/png.js';
import { pdfFonts, toWinAnsi } from './pdf-fonts.js';

const MARGIN = { top: 56, bottom: 60, left: 50, right: 50 };
const INK = '#1a1a1a';
const GREY = '#555555';
const RULE = '#cccccc';

/** Lays out a report model on A4 pages with pdfkit: title and map first, then the sections, page numbers last. */
export function writeReportPdf(
  model: ReportModel,
  options: {
    mapScale?: number;
    /** 'standard': Helvetica even when DejaVu is installed. */ fonts?: 'auto' | 'standard';
  } = {},
): Promise<Uint8Array> {
  const fonts = pdfFonts(options.fonts === 'standard');
  const t = fonts.unicode ? (s: string) => s : toWinAnsi;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: model.lang === 'sv' ? 'sv-SE' : 'en-GB',
    info: { Title: t(model.title), Creator: 'Aktörsatlas' },
  });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };
  const para = (s: string, size = 10, color = INK, font = 'body') => {
    doc.font(font).fontSize(size).fillColor(color).text(t(s), MARGIN.left, doc.y, { width });
  };

  // Title block and the map on the first page.
  para(model.title, 22, INK, 'bold');
  doc.moveDown(0.2);
  para(model.subtitle, 13, GREY);
  doc.moveDown(0.4);
  for (const line of model.meta) para(line, 9.5, GREY);
  doc.moveDown(0.8);
  para(model.mapHeading, 15, INK, 'bold');
  doc.moveDown(0.2);
  para(model.mapIntro, 9.5, GREY);
  doc.moveDown(0.4);
  const png = renderPng(renderSvg(model.map), options.mapScale ?? 2);
  const mapW = model.map.width ?? 1600;
  const mapH = model.map.height ?? 1000;
  // Room under the map for the line that counts what it shows.
  const h = Math.min(bottom() - doc.y - 18, (width * mapH) / mapW);
  const top = doc.y;
  doc.image(Buffer.from(png), MARGIN.left, top, { fit: [width, h], align: 'center' });
  doc.rect(MARGIN.left, top, width, h).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.y = top + h + 4;
  const counts = { nodes: model.map.nodes.length, relations: model.map.edges.length };
  para(rt('mapCount', model.lang, counts), 9, GREY);

  for (const section of model.sections) writeSection(section);

  // Page numbers in the bottom margin (with the margin lifted, so pdfkit does not start a new page).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(8)
      .fillColor(GREY)
      .text(t(`${model.title} · ${model.pageLabel} ${i + 1} / ${range.count}`), MARGIN.left, doc.page.height - 36, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = MARGIN.bottom;
  }
  doc.end();
  return done;

  function writeSection(s: ReportSection): void {
    if (s.newPage) doc.addPage();
    else {
      doc.moveDown(0.8);
      ensure(80);
    }
    para(s.heading, s.level === 2 ? 12.5 : 16, INK, 'bold');
    doc.moveDown(0.3);
    for (const p of s.paragraphs ?? []) {
      para(p, 10);
      doc.moveDown(0.4);
    }
    if (s.table) writeTable(s.table);
    for (const item of s.items ?? []) writeItem(item);
    if (s.after) {
      doc.moveDown(0.3);
      para(s.after, 9, GREY);
    }
  }

  function writeItem(item: ReportItem): void {
    doc.moveDown(0.35);
    ensure(50);
    para(item.title, 10.5, INK, 'bold');
    if (item.text) para(item.text, 9.5);
    for (const n of item.notes ?? []) para(n, 8.5, GREY);
  }

  function writeTable(table: ReportTable): void {
    const total = table.widths.reduce((a, b) => a + b, 0);
    const cols = table.widths.map((w) => (w / total) * width);
    const pad = 3;
    const rowHeight = (cells: string[], font: string, size: number) =>
      Math.max(
        ...cells.map((c, i) =>
          doc
            .font(font)
            .fontSize(size)
            .heightOfString(t(c), { width: cols[i] - 2 * pad }),
        ),
      ) +
      2 * pad;
    const drawRow = (cells: string[], font: string, size: number, fill?: string) => {
      const rh = rowHeight(cells, font, size);
      if (doc.y + rh > bottom()) {
        doc.addPage();
        if (font !== 'bold') drawRow(table.columns, 'bold', 8.5, '#eeeeee');
      }
      const y = doc.y;
      if (fill) doc.rect(MARGIN.left, y, width, rh).fillColor(fill).fill();
      let x = MARGIN.left;
      cells.forEach((c, i) => {
        doc
          .font(font)
          .fontSize(size)
          .fillColor(INK)
          .text(t(c), x + pad, y + pad, { width: cols[i] - 2 * pad });
        x += cols[i];
      });
      doc
        .moveTo(MARGIN.left, y + rh)
        .lineTo(MARGIN.left + width, y + rh)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      doc.x = MARGIN.left;
      doc.y = y + rh;
    };
    ensure(40);
    drawRow(table.columns, 'bold', 8.5, '#eeeeee');
    for (const row of table.rows) drawRow(row, 'body', 8.5);
    doc.moveDown(0.5);
  }
}
