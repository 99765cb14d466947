/** Combobox items for the nodes of the graph: the name in the current language, its kind as a hint. */
import { nodeKind } from '../../../core/model/catalogue/node-kinds.js';
import { JONKOPING_MUNICIPALITIES } from '../../../core/model/kommunkod.js';
import { SNI_SECTIONS } from '../../../core/model/sni.js';
import type { ComboItem } from '../dom/combobox.js';
import { nodeName } from '../graph/derive.js';
import { bi, getLang } from '../i18n/i18n.js';
import type { AppContext } from './context.js';

export function kindHint(attrs: Record<string, unknown>): string {
  const kind = nodeKind(String(attrs.kind ?? ''));
  if (!kind) return String(attrs.kind ?? '');
  if (kind.id === 'Organisation' && typeof attrs.orgType === 'string') {
    const opt = kind.enums?.orgType?.find((o) => o.value === attrs.orgType);
    if (opt) return bi(opt.label);
  }
  return bi(kind.label);
}

export function nodeItems(
  ctx: AppContext,
  opts: { visibleOnly?: boolean; kinds?: readonly string[] } = {},
): ComboItem[] {
  const g = ctx.graph;
  if (!g) return [];
  const out: ComboItem[] = [];
  const lang = getLang();
  g.forEachNode((id, a) => {
    if (opts.visibleOnly && ctx.visibility.hiddenNodes.has(id)) return;
    if (opts.kinds && !opts.kinds.includes(String(a.kind))) return;
    const label = nodeName(a, lang);
    out.push({ id, label, hint: kindHint(a), alt: `${String(a.name ?? '')} ${String(a.nameEn ?? '')} ${id}` });
  });
  return out;
}

/**
 * A node's name; an id without a record (a sector or municipality a record refers to) gets the name of its
 * code (SNI section, kommun), else the id is all there is.
 */
export function labelOf(ctx: AppContext, id: string): string {
  const g = ctx.graph;
  if (g && g.hasNode(id)) return nodeName(g.getNodeAttributes(id), getLang());
  const [prefix, code] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  if (prefix === 'sni' && SNI_SECTIONS[code]) return bi(SNI_SECTIONS[code]);
  if (prefix === 'kommun' && JONKOPING_MUNICIPALITIES[code]) return JONKOPING_MUNICIPALITIES[code];
  return id;
}
