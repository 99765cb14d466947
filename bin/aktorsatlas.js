#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so there is no server build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
const code = await main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
