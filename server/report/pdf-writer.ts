import PDFDocument from 'pdfkit';
import { cullLabels } from '../../core/render/labels.js';
import { renderSvg, type SvgMapInput } from '../../core/render/svg.js';
import type { ReportItem, ReportModel, ReportSection, ReportTable } from '../../core/report/model.js';
import { rt } from '../../core/report/strings.js';
import { renderPng } from '../render/png.js';
import { pdfFonts, toWinAnsi } from './pdf-fonts.js';
import { columnWidths, headerMinimums } from './pdf-table.js';

const MARGIN = { top: 56, bottom: 60, left: 50, right: 50 };
const INK = '#1a1a1a';
const GREY = '#555555';
const RULE = '#cccccc';

/** Map labels on paper (points): readable on A4 without a magnifier. */
export const PDF_LABEL_PT = 7;
/** The text width of an A4 page with the report's margins (points): the map's printed width. */
export const PDF_TEXT_WIDTH = 595.28 - MARGIN.left - MARGIN.right;

/**
 * The map as the PDF prints it: its labels set at PDF_LABEL_PT on paper and culled again at that size, so
 * that no two labels overlap on the page (labelOverlap measures this map).
 */
export function pdfMap(map: SvgMapInput, printWidth = PDF_TEXT_WIDTH): SvgMapInput {
  const pointsPerPixel = printWidth / (map.width ?? 1600);
  return cullLabels({ ...map, labelSize: Math.ceil(PDF_LABEL_PT / pointsPerPixel) });
}

/** The map as an image in a frame, as wide as the text, leaving room under it for the line that counts it. */
function writeMap(
  doc: PDFKit.PDFDocument,
  model: ReportModel,
  area: { width: number; bottom: number; scale: number },
): void {
  const png = renderPng(renderSvg(pdfMap(model.map, area.width)), area.scale);
  const mapW = model.map.width ?? 1600;
  const mapH = model.map.height ?? 1000;
  const h = Math.min(area.bottom - doc.y - 18, (area.width * mapH) / mapW);
  const top = doc.y;
  doc.image(Buffer.from(png), MARGIN.left, top, { fit: [area.width, h], align: 'center' });
  doc.rect(MARGIN.left, top, area.width, h).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.y = top + h + 4;
}

/** Lays out a report model on A4 pages with pdfkit: title and summary first, the map next, then the other sections. */
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

  // The first page answers: title block and the summary; the map opens the second page, then the rest.
  para(model.title, 22, INK, 'bold');
  doc.moveDown(0.2);
  para(model.subtitle, 13, GREY);
  doc.moveDown(0.4);
  for (const line of model.meta) para(line, 9.5, GREY);
  const lead = model.sections.slice(0, model.leadSections);
  for (const section of lead) writeSection({ ...section, newPage: false });
  if (lead.length > 0) doc.addPage();
  else doc.moveDown(0.8);
  para(model.mapHeading, 15, INK, 'bold');
  doc.moveDown(0.2);
  para(model.mapIntro, 9.5, GREY);
  doc.moveDown(0.4);
  writeMap(doc, model, { width, bottom: bottom(), scale: options.mapScale ?? 2 });
  para(rt('mapCount', model.lang, { nodes: model.map.nodes.length, relations: model.map.edges.length }), 9, GREY);

  for (const section of model.sections.slice(model.leadSections)) writeSection(section);

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
    const pad = 3;
    doc.font('bold').fontSize(8.5);
    // One point of slack: pdfkit wraps a word that fills the cell exactly.
    const minimums = headerMinimums(table.columns, (w) => doc.widthOfString(t(w)), 2 * pad + 1);
    const cols = columnWidths(table.widths, minimums, width);
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
