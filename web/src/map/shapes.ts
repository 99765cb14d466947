/** Node shape by node kind, so kind is never carried by colour alone. */
export type NodeShape = 'circle' | 'square' | 'triangle' | 'diamond';

const SHAPES: Record<string, NodeShape> = {
  Organisation: 'circle',
  Network: 'square',
  EducationProgramme: 'triangle',
  Occupation: 'triangle',
  Skill: 'triangle',
  Sector: 'diamond',
  Municipality: 'diamond',
  Action: 'diamond',
};

export const shapeOfKind = (kind: unknown): NodeShape => SHAPES[String(kind)] ?? 'circle';
