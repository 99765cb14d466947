/**
 * The layer rules of eslint.config.js fail the lint on a violating import (issue 17): the repo's own ESLint,
 * run on probe texts as if they were files of each layer.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return result.messages
    .filter((m) => m.ruleId === 'layers/imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => `${m.line}:${m.ruleId}`);
}

describe('layer boundaries in the lint', () => {
  it('core/ imports only core/: no server, web, test, Node module or Node-only package; no Node or DOM globals', async () => {
    const code = [
      "import { x } from '../../server/app.js';",
      "import { y } from '../../web/src/main.js';",
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import Database from 'better-sqlite3';",
      "export const z = () => import('../../test/helpers/server.js');",
      "export { w } from '../../tools/neo4j/index.js';",
      'export const v = [x, y, readFileSync, path, Database, process.env, document.title];',
    ].join('\n');
    expect(await layerErrors('core/model/probe.ts', code)).toEqual([
      '1:layers/imports',
      '2:layers/imports',
      '3:layers/imports',
      '4:layers/imports',
      '5:layers/imports',
      '6:layers/imports',
      '7:layers/imports',
      '8:no-restricted-globals',
      '8:no-restricted-globals',
    ]);
  });

  it('core/ may import core/ at any depth and pure packages', async () => {
    const code = [
      "import { mulberry32 } from '../rng.js';",
      "import { fold } from '../../../text/fold.js';",
      "import Graph from 'graphology';",
      'export const v = [mulberry32, fold, Graph];',
    ].join('\n');
    expect(await layerErrors('core/analysis/gaps/deep/probe.ts', code)).toEqual([]);
  });

  it('web/src imports nothing from server/ and no Node module; server/ nothing from web/', async () => {
    const web = "import { a } from '../../../server/app.js';\nimport fs from 'node:fs';\nexport const v = [a, fs];";
    expect(await layerErrors('web/src/panels/probe.ts', web)).toEqual(['1:layers/imports', '2:layers/imports']);
    const server =
      "import { b } from '../../web/src/main.js';\nimport { parse } from 'yaml';\nexport const v = [b, parse];";
    expect(await layerErrors('server/routes/probe.ts', server)).toEqual(['1:layers/imports', '2:layers/imports']);
  });
});
