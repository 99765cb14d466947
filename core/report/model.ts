import type { Lang } from '../model/labels.js';
import type { SvgMapInput } from '../render/svg.js';

/** A table of the report: header and rows of plain text; widths are relative shares of the text width. */
export interface ReportTable {
  columns: string[];
  rows: string[][];
  widths: number[];
}

/** One entry of a list of findings or notes: a bold title and its text. */
export interface ReportItem {
  title: string;
  text: string;
  /** Small grey lines under the text (formula, reference…). */
  notes?: string[];
}

export interface ReportSection {
  heading: string;
  /** Starts on a new page. */
  newPage?: boolean;
  /** A sub-heading (same page flow, smaller). */
  level?: 1 | 2;
  paragraphs?: string[];
  table?: ReportTable;
  items?: ReportItem[];
  /** A short closing line (e.g. "12 more gaps…"). */
  after?: string;
}

/** The whole report as data: the PDF writer only lays it out, so its content is tested without a PDF. */
export interface ReportModel {
  lang: Lang;
  title: string;
  subtitle: string;
  /** Lines under the title: view, creation date, as-of date. */
  meta: string[];
  map: SvgMapInput;
  mapHeading: string;
  mapIntro: string;
  sections: ReportSection[];
  pageLabel: string;
}
