/**
 * The only runtime globals core may use: they exist in browsers and in Node >= 20 alike. Only the core typecheck
 * (tsconfig.core.json) reads this file; the web and server programs take the same names from the DOM and Node
 * types, so the root tsconfig excludes it.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

declare const performance: { now(): number };
