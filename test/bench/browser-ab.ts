/**
 * Compares the first render of one map between two builds, visit by visit (not part of `npm run bench`): a first
 * visit of the base checkout, then one of this one, then the other way round, and so on, each on its own server with
 * a fresh copy of the same store, in a fresh browser context. Interleaving puts both builds under the same machine
 * load; a single first visit varies by ±0.3 s here, more than most changes are worth.
 *
 *   git worktree add /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   (cd /tmp/base && npm run build:web) && npm run build:web
 *   npx tsx test/bench/browser-ab.ts --base /tmp/base [--rounds 8] [--map 10000:40000]
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, VIEWPORT, argOf, firstRenderOnly, median, syntheticStore } from './browser.js';

async function main(): Promise<void> {
  const baseArg = argOf('--base');
  if (!baseArg) throw new Error('--base DIR: a checkout of the build to compare against, with web/dist built');
  const base = resolve(baseArg);
  const rounds = Number(argOf('--rounds') ?? 8);
  const [actors, ties] = (argOf('--map') ?? '10000:40000').split(':').map(Number);
  const store = await syntheticStore(actors, ties);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const times = { base: [] as number[], this: [] as number[] };
  let faster = 0;
  try {
    for (let i = 0; i < rounds; i++) {
      const order: (keyof typeof times)[] = i % 2 ? ['this', 'base'] : ['base', 'this'];
      for (const build of order) {
        const server = await store.start(build === 'base' ? base : undefined);
        const context = await browser.newContext({ viewport: VIEWPORT });
        try {
          times[build].push(await firstRenderOnly(await context.newPage(), `${server.url}/`));
        } finally {
          await context.close();
          await server.stop();
        }
      }
      if (times.this[i] < times.base[i]) faster++;
      console.log(`round ${i + 1}: base ${times.base[i]} ms, this ${times.this[i]} ms`);
    }
  } finally {
    await browser.close();
    store.done();
  }
  console.log(
    `${actors} actors, first render, median of ${rounds}: base ${median(times.base)} ms, this ${median(times.this)} ms; ` +
      `this build faster in ${faster} of ${rounds} rounds`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
