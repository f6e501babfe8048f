/** A tasking as the roll-up sees it: its own progress, its weight in its parent, its children. */
export interface ProgressNode {
  progress: number;
  weight: number;
  rollup: 'average' | 'weighted';
  children: ProgressNode[];
}

/**
 * A tasking's progress (0–100): its own when it has no sub-taskings, otherwise rolled up from its
 * children — their plain average, or weighted by each child's weight, as the secretariat chose.
 * Children with weight 0 count for nothing in a weighted roll-up; if all weigh 0 it falls back to the average.
 */
export function rolledProgress(node: ProgressNode): number {
  if (node.children.length === 0) return node.progress;
  const values = node.children.map((child) => ({ progress: rolledProgress(child), weight: child.weight }));
  const totalWeight = values.reduce((total, value) => total + value.weight, 0);
  if (node.rollup === 'weighted' && totalWeight > 0) return values.reduce((total, value) => total + value.progress * value.weight, 0) / totalWeight;
  return values.reduce((total, value) => total + value.progress, 0) / values.length;
}
