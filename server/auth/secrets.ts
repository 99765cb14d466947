import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url (43 characters). */
export const randomSecret = (): string => randomBytes(32).toString('base64url');
export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
export const newId = (): string => randomUUID();

/** API tokens look like `akt_<43 characters>`, so they are easy to spot in a leaked log or file. */
export const TOKEN_PREFIX = 'akt_';
export const newApiToken = (): string => `${TOKEN_PREFIX}${randomSecret()}`;

/** Constant-time string comparison (different lengths are simply unequal). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Sign-in names: lower case letters, digits and . _ @ -, 1–64 characters (case-insensitive: stored lower case). */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,63}$/;
export const normaliseName = (name: string): string => name.trim().toLowerCase();
export const validName = (name: unknown): name is string => typeof name === 'string' && NAME_PATTERN.test(name);
