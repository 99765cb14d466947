/**
 * ESLint rule `layers/imports`: keeps each layer's imports inside its walls. Relative specifiers are resolved
 * against the importing file, so `../../server/x.js` is caught at any depth, and dynamic `import()` and
 * `export … from` count as imports too.
 *
 * Options: { inside?: string[], outside?: string[], packages?: string[], nodeBuiltins?: boolean, why: string }
 *   inside   relative imports must resolve into one of these folders (repo-relative)
 *   outside  relative imports must not resolve into any of these folders
 *   packages bare specifiers that are forbidden (`name` also forbids `name/sub`)
 *   nodeBuiltins forbid `node:*` and bare built-in names (`fs`, `path`, …)
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILTINS = new Set(builtinModules);

const within = (abs, folder) => {
  const rel = path.relative(path.join(ROOT, folder), abs);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

function problem(spec, filename, opts) {
  if (spec.startsWith('.')) {
    const abs = path.resolve(path.dirname(filename), spec);
    if (opts.inside && !opts.inside.some((f) => within(abs, f))) return `outside ${opts.inside.join(', ')}`;
    const hit = (opts.outside ?? []).find((f) => within(abs, f));
    return hit ? `into ${hit}` : null;
  }
  if (opts.nodeBuiltins && (spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0]))) return 'a Node module';
  const banned = (opts.packages ?? []).find((p) => spec === p || spec.startsWith(`${p}/`));
  return banned ? `the package ${banned}` : null;
}

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep a layer from importing across its boundary.' },
    schema: [
      {
        type: 'object',
        properties: {
          inside: { type: 'array', items: { type: 'string' } },
          outside: { type: 'array', items: { type: 'string' } },
          packages: { type: 'array', items: { type: 'string' } },
          nodeBuiltins: { type: 'boolean' },
          why: { type: 'string' },
        },
        required: ['why'],
        additionalProperties: false,
      },
    ],
    messages: { crossing: "Import '{{spec}}' reaches {{what}}: {{why}}" },
  },
  create(context) {
    const opts = context.options[0];
    const check = (source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const what = problem(source.value, context.filename, opts);
      if (what)
        context.report({ node: source, messageId: 'crossing', data: { spec: source.value, what, why: opts.why } });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
    };
  },
};

export default { rules: { imports: importsRule } };
