import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblem } from '../problems.js';
import { atLeast, type AccountStore, type Role } from '../store/accounts/account-store.js';
import {
  ANONYMOUS,
  AuthService,
  CSRF_HEADER,
  LOCAL,
  NOBODY,
  SESSION_COOKIE,
  type AuthOptions,
  type Principal,
} from '../auth/service.js';
import { safeEqual } from '../auth/secrets.js';

/**
 * Who may do what. `public`: anyone; `read`: viewer and up (or anyone with anonymous read); `write`: editor and
 * up; `admin`: admin; `account`: any signed-in account (session or token), whatever its role.
 */
export type Access = 'public' | 'read' | 'write' | 'admin' | 'account';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The access class of a route; default: GET/HEAD read, other methods write (under /api/), else public. */
    access?: Access;
    /** false: no CSRF check for this route (sign-in). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    principal: Principal;
  }
  interface FastifyInstance {
    auth: AuthService;
  }
}

export interface AuthPluginOptions extends AuthOptions {
  accounts?: AccountStore;
  /** An extra origin allowed to send unsafe requests (the configured CORS origin). */
  allowedOrigin?: string;
}

/** Routes of other modules that are public: the health check (monitoring, start-up probes) and the catalogue. */
const PUBLIC = new Set(['GET /api/health', 'HEAD /api/health', 'GET /api/catalogue', 'HEAD /api/catalogue']);
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const LOOPBACK_IP = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d+)?$/i;

export const isLoopbackAddress = (host: string): boolean =>
  LOOPBACK_IP.test(host) || /^localhost$/i.test(host) || host === '[::1]';

function accessOf(request: FastifyRequest): Access {
  const configured = request.routeOptions.config?.access;
  if (configured) return configured;
  const url = request.routeOptions.url;
  if (!url || !url.startsWith('/api/')) return 'public';
  if (PUBLIC.has(`${request.method} ${url}`)) return 'public';
  return SAFE.has(request.method) ? 'read' : 'write';
}

/**
 * Loopback client and loopback Host header: a DNS-rebinding page (Host: evil.example) is not the local user. Behind a
 * trusted proxy the client is `request.ip` (the right-most untrusted X-Forwarded-For address), so a remote client
 * of a proxy on this host is not local; both that address and the socket must be loopback.
 */
function fromLoopback(request: FastifyRequest): boolean {
  const host = request.headers.host;
  const socket = request.socket?.remoteAddress ?? request.ip;
  return LOOPBACK_IP.test(socket) && LOOPBACK_IP.test(request.ip) && (host === undefined || LOOPBACK_HOST.test(host));
}

export const sessionCookieOptions = (
  request: FastifyRequest,
  secure: AuthOptions['secureCookie'],
  maxAgeSeconds?: number,
) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: secure === 'always' ? true : secure === 'never' ? false : request.protocol === 'https',
  ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
});

export function clearSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  secure: AuthOptions['secureCookie'],
): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request, secure));
}

/** Origin and Host name the same scheme, host and port (default ports made explicit by URL). */
function sameOrigin(origin: string, protocol: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).origin === new URL(`${protocol}://${host}`).origin;
  } catch {
    return false;
  }
}

function unauthenticated(detail: string): ApiProblem {
  return new ApiProblem(401, 'unauthenticated', detail);
}

/**
 * Authentication and role gates, before the body is read. A request is authenticated by `Authorization: Bearer
 * <token>`, or by the session cookie; a cookie-authenticated unsafe request must also carry the session's CSRF token
 * in `x-csrf-token`. Without any account the install is in open local mode: the local user may do everything, but
 * only from loopback. The authenticated name becomes the author recorded in history (`request.actor`).
 */
export default fp<AuthPluginOptions>(async function auth(app: FastifyInstance, opts) {
  const service = new AuthService(opts.accounts, opts);
  app.decorate('auth', service);
  // Set by the hook below on every request (a reference type cannot be a decorator's initial value).
  app.decorateRequest('principal', null as never);
  await app.register(cookie);
  app.addHook('onClose', async () => {
    await opts.accounts?.close();
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = accessOf(request);
    const principal = await resolve(request, reply);
    request.principal = principal;
    request.actor = principal.name;

    // Unsafe requests from another origin are refused whatever the credentials (CSRF against cookies and against
    // the open local mode); scripts and curl send no Origin.
    if (!SAFE.has(request.method)) {
      const origin = request.headers.origin;
      const allowed = opts.allowedOrigin !== undefined && origin === opts.allowedOrigin;
      if (origin !== undefined && !allowed && !sameOrigin(origin, request.protocol, request.headers.host)) {
        throw new ApiProblem(403, 'cross_origin', 'Writes from another origin are refused');
      }
      if (request.headers['sec-fetch-site'] === 'cross-site' && !allowed)
        throw new ApiProblem(403, 'cross_origin', 'Writes from another site are refused');
      if (principal.kind === 'session' && request.routeOptions.config?.csrf !== false) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !safeEqual(sent, principal.csrfToken)) {
          throw new ApiProblem(
            403,
            'csrf_failed',
            `A signed-in write needs the ${CSRF_HEADER} header from GET /api/me`,
          );
        }
      }
    }

    if (access === 'public') return;
    if (access === 'account') {
      if (principal.kind === 'session' || principal.kind === 'token') return;
      throw principal.kind === 'none'
        ? unauthenticated('Sign in or send an API token')
        : new ApiProblem(403, 'forbidden', 'This needs a signed-in account');
    }
    const needed: Role = access === 'read' ? 'viewer' : access === 'write' ? 'editor' : 'admin';
    if (atLeast(principal.role, needed)) return;
    if (principal.kind === 'none' || principal.kind === 'anonymous') {
      reply.header('www-authenticate', 'Bearer realm="aktorsatlas"');
      throw unauthenticated(
        (await service.hasAccounts())
          ? 'Sign in (POST /api/auth/login) or send Authorization: Bearer <token>'
          : 'This install has no accounts and serves only its local user on loopback',
      );
    }
    throw new ApiProblem(403, 'forbidden', `This needs the ${needed} role; you are ${principal.role}`);
  });

  async function resolve(request: FastifyRequest, reply: FastifyReply): Promise<Principal> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const principal = m ? await service.fromToken(m[1]) : undefined;
      if (!principal) {
        reply.header('www-authenticate', 'Bearer realm="aktorsatlas", error="invalid_token"');
        throw new ApiProblem(401, 'invalid_token', 'The API token is not valid');
      }
      return principal;
    }
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId) {
      const principal = await service.fromSession(sessionId);
      if (principal) return principal;
      // An expired or unknown session: forget the cookie, carry on as nobody.
      clearSessionCookie(request, reply, opts.secureCookie);
    }
    if (!(await service.hasAccounts())) return fromLoopback(request) ? LOCAL : NOBODY;
    return opts.anonymousRead ? ANONYMOUS : NOBODY;
  }
});
