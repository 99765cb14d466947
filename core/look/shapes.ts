/** Node shape by node kind, so kind is never carried by colour alone (screen, legend and every export). */
export type NodeShape = 'circle' | 'square' | 'triangle' | 'diamond';

export const KIND_SHAPES: Readonly<Record<string, NodeShape>> = {
  Organisation: 'circle',
  Network: 'square',
  EducationProgramme: 'triangle',
  Occupation: 'triangle',
  Skill: 'triangle',
  Sector: 'diamond',
  Municipality: 'diamond',
  Action: 'diamond',
};

export const shapeOfKind = (kind: unknown): NodeShape => KIND_SHAPES[String(kind)] ?? 'circle';

/**
 * A shape's outline as an SVG path centred on (0,0) within radius r, for the legend icons and the SVG writer
 * (sigma's node programs draw the same four shapes on the screen). Null means a circle.
 */
export function shapePath(shape: NodeShape, r: number): string | null {
  const f = (n: number) => String(Math.round(n * 100) / 100);
  if (shape === 'square') {
    const s = r * 0.85;
    return `M${f(-s)},${f(-s)}H${f(s)}V${f(s)}H${f(-s)}Z`;
  }
  if (shape === 'triangle') return `M0,${f(-r)}L${f(r * 0.87)},${f(r * 0.5)}L${f(-r * 0.87)},${f(r * 0.5)}Z`;
  if (shape === 'diamond') return `M0,${f(-r)}L${f(r)},0L0,${f(r)}L${f(-r)},0Z`;
  return null;
}
