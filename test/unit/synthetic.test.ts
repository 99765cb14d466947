import { describe, it, expect } from 'vitest';
import { clusteredNetwork } from '../../core/synthetic/clustered.js';
import { generateNetwork } from '../../core/synthetic/generate.js';
import { validateBatch } from '../../core/model/validate.js';

describe('synthetic networks', () => {
  it('are valid against the catalogue, sized as asked, and the same for the same seed', () => {
    const a = generateNetwork({ actors: 800, seed: 3 });
    expect(validateBatch(a, () => undefined)).toEqual([]);
    expect(a.nodes.filter((n) => n.kind === 'Organisation')).toHaveLength(800);
    expect(a.relations.length).toBeGreaterThan(2000);
    expect(generateNetwork({ actors: 800, seed: 3 })).toEqual(a);
    expect(generateNetwork({ actors: 800, seed: 4 })).not.toEqual(a);
  });

  it("sized by ties (the benchmarks' shape) are valid, have the asked tie count and the same for the same seed", () => {
    const a = clusteredNetwork(600, 2400, 7);
    expect(validateBatch(a, () => undefined)).toEqual([]);
    expect(a.nodes).toHaveLength(600);
    expect(a.relations).toHaveLength(2400);
    expect(clusteredNetwork(600, 2400, 7)).toEqual(a);
    expect(clusteredNetwork(600, 2400, 8)).not.toEqual(a);
  });
});
