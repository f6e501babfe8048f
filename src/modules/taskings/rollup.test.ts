import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type ProgressNode, rolledProgress } from './rollup.ts';

const leaf = (progress: number, weight = 1): ProgressNode => ({ progress, weight, rollup: 'average', children: [] });
/** Trees up to three levels deep, with any mix of roll-up methods and weights. */
function treeOf(depth: number): fc.Arbitrary<ProgressNode> {
  return fc.record({
    progress: fc.integer({ min: 0, max: 100 }),
    weight: fc.integer({ min: 0, max: 10 }),
    rollup: fc.constantFrom('average' as const, 'weighted' as const),
    children: depth === 0 ? fc.constant([]) : fc.array(treeOf(depth - 1), { maxLength: 3 }),
  });
}
const tree = treeOf(3);

function leaves(node: ProgressNode): number[] {
  return node.children.length ? node.children.flatMap(leaves) : [node.progress];
}

describe('progress roll-up', () => {
  it('averages or weighs the children', () => {
    expect(rolledProgress({ progress: 0, weight: 1, rollup: 'average', children: [leaf(100), leaf(0)] })).toBe(50);
    expect(rolledProgress({ progress: 0, weight: 1, rollup: 'weighted', children: [leaf(100, 3), leaf(0, 1)] })).toBe(75);
    // The parent's own figure is ignored once it has children.
    expect(rolledProgress({ progress: 90, weight: 1, rollup: 'average', children: [leaf(10)] })).toBe(10);
  });

  test.prop([tree])('stays within the range of the leaves under it', (node) => {
    const values = leaves(node);
    const progress = rolledProgress(node);
    expect(progress).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
    expect(progress).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
  });

  test.prop([tree])('does not depend on the order of the children', (node) => {
    const reversed = (n: ProgressNode): ProgressNode => ({ ...n, children: [...n.children].reverse().map(reversed) });
    expect(rolledProgress(reversed(node))).toBeCloseTo(rolledProgress(node), 9);
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 10 })])('weighted with equal weights is the average', (values, weight) => {
    const children = values.map((value) => leaf(value, weight));
    expect(rolledProgress({ progress: 0, weight: 1, rollup: 'weighted', children })).toBeCloseTo(rolledProgress({ progress: 0, weight: 1, rollup: 'average', children }), 9);
  });
});
