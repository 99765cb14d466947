/** Limits of the file formats. The server's upload limit is the first line of defence; these bound the rest. */
export interface ExchangeLimits {
  /** Largest file accepted, in bytes (what arrives). */
  maxBytes: number;
  /** Largest total of the parts of a workbook once unzipped, in bytes (zip bombs). */
  maxUnzippedBytes: number;
  /** Largest single part of a workbook once unzipped, in bytes. */
  maxPartBytes: number;
  /** Most data rows in one table. */
  maxRows: number;
  /** Most columns in one table. */
  maxColumns: number;
  /** Most XML elements in one file, and the deepest nesting. */
  maxXmlElements: number;
  maxXmlDepth: number;
}

export const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: ExchangeLimits = {
  maxBytes: 50 * MiB,
  maxUnzippedBytes: 200 * MiB,
  maxPartBytes: 100 * MiB,
  maxRows: 200_000,
  maxColumns: 200,
  maxXmlElements: 5_000_000,
  maxXmlDepth: 64,
};

export const withLimits = (partial: Partial<ExchangeLimits> = {}): ExchangeLimits => ({
  ...DEFAULT_LIMITS,
  ...partial,
});
