import { ACTION_STATUS } from '../model/catalogue/node-kinds.js';
import type { Lang } from '../model/labels.js';
import type { NodeRecord, Snapshot } from '../model/records.js';
import { gapDescriptor } from '../analysis/gaps/registry.js';
import { nameIn } from './format.js';
import type { ReportSection } from './model.js';
import { rt } from './strings.js';

/**
 * The action plan: the register's Action nodes with their owners (RESPONSIBLE_FOR), the actors they concern
 * (CONCERNS), status, due date and, when an action answers a gap finding, which gap kind.
 */
export function actionsSection(snapshot: Snapshot, nodes: Map<string, NodeRecord>, lang: Lang): ReportSection {
  const actions = snapshot.nodes
    .filter((n) => n.kind === 'Action')
    .sort((a, b) =>
      String(a.props.dueDate ?? '9999') < String(b.props.dueDate ?? '9999') ? -1 : a.id < b.id ? -1 : 1,
    );
  const names = (ids: string[]) => ids.map((id) => nameIn(nodes.get(id), id, lang)).join('; ') || '–';
  return {
    heading: rt('actionsHeading', lang),
    newPage: true,
    paragraphs: [actions.length > 0 ? rt('actionsIntro', lang) : rt('actionsNone', lang)],
    items: actions.map((a) => {
      const owners = snapshot.relations.filter((r) => r.type === 'RESPONSIBLE_FOR' && r.to === a.id).map((r) => r.from);
      const concerns = snapshot.relations.filter((r) => r.type === 'CONCERNS' && r.from === a.id).map((r) => r.to);
      const status =
        ACTION_STATUS.find((s) => s.value === a.props.status)?.label[lang] ?? String(a.props.status ?? '–');
      const gap = typeof a.props.gapKind === 'string' ? gapDescriptor(a.props.gapKind)?.label[lang] : undefined;
      return {
        title: nameIn(a, a.id, lang),
        text: typeof a.props.description === 'string' ? a.props.description : '',
        notes: [
          `${rt('owner', lang)}: ${names(owners)}`,
          `${rt('status', lang)}: ${status}${typeof a.props.dueDate === 'string' ? ` · ${rt('due', lang)}: ${a.props.dueDate}` : ''}`,
          `${rt('concerns', lang)}: ${names(concerns)}`,
          ...(gap ? [`${rt('answers', lang)}: ${gap}`] : []),
        ],
      };
    }),
  };
}
