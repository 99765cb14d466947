import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../core/analysis/kernel/wasm.js';
import { KERNEL_WASM_BASE64 } from '../../../core/analysis/kernel/wasm-bytes.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('the committed WebAssembly kernel', () => {
  it('is the build of its AssemblyScript source (tools/kernel/build-wasm.mjs --check)', () => {
    const r = spawnSync(process.execPath, ['tools/kernel/build-wasm.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toContain('matches its source');
    expect(r.status).toBe(0);
  }, 120_000);

  it('decodes to a WebAssembly module with no imports', () => {
    const bytes = decodeBase64(KERNEL_WASM_BASE64);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0, 0x61, 0x73, 0x6d]);
    expect(Buffer.from(bytes).toString('base64')).toBe(KERNEL_WASM_BASE64);
    const module = new WebAssembly.Module(bytes);
    expect(WebAssembly.Module.imports(module)).toEqual([]);
    expect(WebAssembly.Module.exports(module).map((e) => e.name)).toEqual(
      expect.arrayContaining(['memory', 'alloc', 'pathInit', 'pathRange', 'louvainRun']),
    );
  });

  it('rejects a corrupt base64 text', () => {
    expect(() => decodeBase64('AGFz*bQ')).toThrow(/Invalid base64/);
    expect(readFileSync(root + 'core/analysis/kernel/wasm-bytes.ts', 'utf8')).toContain('do not edit');
  });
});
