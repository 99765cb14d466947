import { writeFileSync } from 'node:fs';
import { generateNetwork } from '../../core/synthetic/generate.js';

export async function generateCommand(actors: number, seed: number, output: string | undefined): Promise<number> {
  if (!Number.isInteger(actors) || actors < 10 || actors > 1_000_000) {
    console.error('error: --actors must be a whole number from 10 to 1,000,000');
    return 2;
  }
  if (!Number.isInteger(seed)) {
    console.error('error: --seed must be a whole number');
    return 2;
  }
  const json = JSON.stringify(generateNetwork({ actors, seed }));
  if (output) writeFileSync(output, json);
  else process.stdout.write(`${json}\n`);
  return 0;
}
