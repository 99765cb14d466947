import { readFileSync } from 'node:fs';
import { IDENTIFIER, allRelationTypes, nodeLabel, relationType, type SafeName } from './whitelist.js';

/** Every query the store runs is a named file in `cypher/`; this list is checked against the files on first use. */
export const QUERY_NAMES = [
  'schema',
  'schema-migration-get',
  'schema-migration-record',
  'await-indexes',
  'history-lock',
  'history-append',
  'history-tail',
  'node-create-write',
  'node-update-write',
  'node-delete-write',
  'relation-create-write',
  'relation-update-write',
  'relation-replace-write',
  'relation-delete-write',
  'history-by-record',
  'history-list',
  'stats-nodes',
  'stats-relations',
  'node-kinds',
  'nodes-get',
  'nodes-missing',
  'node-list',
  'node-search',
  'node-create',
  'node-update',
  'node-relabel',
  'node-delete',
  'node-relations',
  'relations-get',
  'relations-get-typed',
  'relation-types-present',
  'relations-scan-ids',
  'relations-seen',
  'relation-count',
  'relation-create',
  'relation-update',
  'relation-delete',
  'relation-list',
  'relation-list-anchored',
  'snapshot-nodes',
  'snapshot-relations',
  'snapshot-nodes-json',
  'snapshot-relations-json',
  'store-revision',
  'neighbours',
  'relations-among',
  'view-list',
  'view-get',
  'view-lock',
  'view-save',
  'view-delete',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

/**
 * Placeholders a query may contain; each is replaced only by whitelisted labels or types. `ANY_TYPE` becomes a
 * type disjunction (`A|B|…`), all catalogue types unless a subset is given.
 */
export type Placeholder = 'KIND' | 'OLD_KIND' | 'TYPE' | 'OLD_TYPE' | 'REL_TYPE' | 'ANY_TYPE';
export type Names = Partial<Record<Placeholder, SafeName | SafeName[]>>;

const CYPHER_DIR = new URL('../../../cypher/', import.meta.url);
let loaded: Map<QueryName, string> | undefined;

function texts(): Map<QueryName, string> {
  if (!loaded) {
    const map = new Map<QueryName, string>();
    for (const name of QUERY_NAMES) map.set(name, readFileSync(new URL(`${name}.cypher`, CYPHER_DIR), 'utf8'));
    loaded = map;
  }
  return loaded;
}

const stripComments = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .trim();

function fill(text: string, names: Names): string {
  const values: Record<string, string[]> = { ANY_TYPE: allRelationTypes() };
  for (const [key, value] of Object.entries(names)) values[key] = Array.isArray(value) ? value : [value];
  const out = text.replace(/\$\$([A-Z_]+)\$\$/g, (_match, key: string) => {
    const parts = values[key];
    if (!parts || parts.length === 0) throw new Error(`Cypher placeholder ${key} has no value`);
    // Checked again here, shape and membership, whatever the caller did: this is the only way into query text.
    const check = key.endsWith('KIND') ? nodeLabel : relationType;
    for (const part of parts) {
      if (!IDENTIFIER.test(part)) throw new Error(`Refusing to splice ${JSON.stringify(part)} into Cypher`);
      check(part);
    }
    return parts.join('|');
  });
  return out;
}

/** The text of a named query with its placeholders filled by whitelisted names. */
export function cypher(name: QueryName, names: Names = {}): string {
  const text = texts().get(name);
  if (text === undefined) throw new Error(`Unknown Cypher query ${name}`);
  return fill(stripComments(text), names);
}

/**
 * `schema.cypher` split into single statements (the server runs one schema command per call). A statement with
 * `$$REL_TYPE$$` is repeated for every catalogue relation type, since Community indexes relationships per type.
 */
export function schemaStatements(): string[] {
  const raw = stripComments(texts().get('schema') ?? '');
  return raw
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .flatMap((s) =>
      s.includes('$$REL_TYPE$$') ? allRelationTypes().map((t) => fill(s, { REL_TYPE: t })) : [fill(s, {})],
    );
}
