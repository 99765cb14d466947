import type { Evidence, NodeRecord, Props, RelationRecord, Snapshot } from '../../../core/model/records.js';
import type { Finding } from '../../../core/analysis/gaps/index.js';

const meta = { version: 1, createdAt: '2026-01-01', createdBy: 't', updatedAt: '2026-01-01', updatedBy: 't' };

export const node = (id: string, kind: string, name: string, props: Props = {}): NodeRecord => ({
  id,
  kind,
  name,
  props,
  ...meta,
});
export const org = (id: string, name: string, props: Props = {}): NodeRecord =>
  node(id, 'Organisation', name, { orgType: 'arbetsgivare', ...props });
export const kommun = (code: string, name: string): NodeRecord[] => [
  node(`kommun:${code}`, 'Municipality', name, { kommunkod: code }),
  org(`org:k${code}`, `${name} kommun`, { orgType: 'kommun', municipality: `kommun:${code}` }),
];
export const nw = (id: string, name: string, networkType = 'forum'): NodeRecord =>
  node(id, 'Network', name, { networkType });
export const occ = (ssyk: string, name: string, props: Props = {}): NodeRecord =>
  node(`ssyk:${ssyk}`, 'Occupation', name, { ssyk, ...props });
export const sector = (sni: string, name: string, props: Props = {}): NodeRecord =>
  node(`sni:${sni}`, 'Sector', name, { sni, ...props });
export const programme = (id: string, name: string, props: Props = {}): NodeRecord =>
  node(id, 'EducationProgramme', name, { form: 'yh', ...props });

export const rel = (
  type: string,
  from: string,
  to: string,
  extra: { props?: Props; evidence?: Evidence; validFrom?: string | null; validTo?: string | null } = {},
): RelationRecord => ({
  id: `rel:${type}:${from}:${to}`,
  type,
  from,
  to,
  weight: 1,
  props: extra.props ?? {},
  sources: [{ url: 'https://example.org', title: 't' }],
  evidence: extra.evidence ?? 'confirmed',
  validFrom: extra.validFrom ?? null,
  validTo: extra.validTo ?? null,
  ...meta,
});

export const snapshot = (nodes: NodeRecord[], relations: RelationRecord[]): Snapshot => ({ nodes, relations });

export const ids = (findings: Finding[], kind?: string): string[] =>
  findings
    .filter((f) => kind === undefined || f.gapKind === kind)
    .map((f) => f.id)
    .sort();

export function byId(findings: Finding[], id: string): Finding {
  const f = findings.find((x) => x.id === id);
  if (!f) throw new Error(`No finding ${id}; have ${findings.map((x) => x.id).join(', ')}`);
  return f;
}
