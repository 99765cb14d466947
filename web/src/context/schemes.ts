/**
 * The shapes of the encodings derived from state (colour, size, tie colour) that the map, the legend and the
 * panels read from the context. They are filled by map/encodings.ts; declared here so the ground floor does not
 * import the map.
 */
export interface LegendEntry {
  value: string;
  label: string;
  color: string;
  count: number;
}

export interface ColorScheme {
  colorOf: (node: string) => string;
  valueOf: (node: string) => string;
  entries: LegendEntry[];
}

export interface SizeScheme {
  sizeOf: (node: string) => number;
  label: string;
  min: number | null;
  max: number | null;
  missing: number;
}

export interface EdgeStyleEntry {
  value: string;
  label: string;
  color: string;
  count: number;
}

export interface Schemes {
  color: ColorScheme;
  size: SizeScheme;
  edge: { colorOf: (edge: string) => string; entries: EdgeStyleEntry[] };
}
