/**
 * The appearance table (core/look) is complete for the catalogue, and its size scale spreads skewed measures.
 */
import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../../core/model/catalogue/node-kinds.js';
import { EVIDENCE_LEVELS } from '../../../core/model/records.js';
import { ACTOR_GROUPS, actorGroupOf } from '../../../core/look/groups.js';
import { EVIDENCE_LINES } from '../../../core/look/lines.js';
import { GROUP_COLORS } from '../../../core/look/palette.js';
import { KIND_SHAPES } from '../../../core/look/shapes.js';
import { NODE_SIZE, sizeScale } from '../../../core/look/size.js';
import { assignColors, NONE } from '../../../core/look/colors.js';

describe('appearance table', () => {
  it('gives every node kind a shape and a group, and every group a colour', () => {
    for (const k of NODE_KINDS) {
      expect(KIND_SHAPES[k.id], k.id).toBeDefined();
      if (k.id !== 'Organisation') expect(actorGroupOf(k.id, undefined), k.id).not.toBe('other');
    }
    for (const g of ACTOR_GROUPS) expect(GROUP_COLORS[g.id], g.id).toMatch(/^#[0-9a-f]{6}$/);
    expect(actorGroupOf('Organisation', 'larosate')).toBe('education');
    expect(actorGroupOf('Organisation', 'okänd')).toBe('organisation');
  });

  it('draws every evidence level with its own line, solid only for confirmed', () => {
    for (const e of EVIDENCE_LEVELS) expect(EVIDENCE_LINES[e].label.sv).not.toBe('');
    expect(EVIDENCE_LINES.confirmed.dash).toBeNull();
    expect(EVIDENCE_LINES.probable.dash).not.toEqual(EVIDENCE_LINES.uncertain.dash);
  });

  it('spreads a skewed measure (one hub, many small values) instead of leaving everyone at the minimum', () => {
    // Degrees like the county's: one region with 120 ties, networks with 8–15, most actors with 1–3.
    const values = [120, 15, 12, 8, ...Array.from({ length: 60 }, (_, i) => 1 + (i % 3))];
    const scale = sizeScale(values)!;
    expect(scale.kind).toBe('log');
    expect(scale.sizeOf(120)).toBeCloseTo(NODE_SIZE.max);
    expect(scale.sizeOf(1)).toBeCloseTo(NODE_SIZE.min);
    // A network with 12 ties is clearly larger than a typical actor, and at least halfway up the range.
    expect(scale.sizeOf(12)).toBeGreaterThan(NODE_SIZE.min + (NODE_SIZE.max - NODE_SIZE.min) / 2);
    expect(scale.sizeOf(2)).toBeGreaterThan(scale.sizeOf(1));
    // An even spread keeps the square-root scale (area follows the value).
    expect(sizeScale([1, 2, 3, 4, 5, 6])!.kind).toBe('sqrt');
    expect(sizeScale([])).toBeNull();
  });

  it('assigns categorical colours by frequency, groups their fixed colours, missing values grey', () => {
    const counts = new Map([
      ['b', 5],
      ['a', 5],
      ['c', 9],
      [NONE, 2],
    ]);
    const c = assignColors(counts, false);
    expect(c.order).toEqual(['c', 'a', 'b']);
    expect(c.colorOf(NONE)).not.toBe(c.colorOf('c'));
    const g = assignColors(new Map([['public', 3]]), true);
    expect(g.colorOf('public')).toBe(GROUP_COLORS.public);
  });
});
