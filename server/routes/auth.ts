import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ProblemSchema } from '../schemas/common.js';
import { ApiProblem } from '../problems.js';
import { AccountError, atLeast, type Role } from '../store/accounts/account-store.js';
import { UserError, type PublicUser } from '../auth/users.js';
import { SESSION_COOKIE } from '../auth/service.js';
import { clearSessionCookie, sessionCookieOptions } from '../plugins/auth.js';

const tags = ['auth'];
const RoleSchema = Type.Union([Type.Literal('viewer'), Type.Literal('editor'), Type.Literal('admin')]);
const UserSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const MeSchema = Type.Object(
  {
    user: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), role: RoleSchema }), Type.Null()]),
    role: Type.Union([RoleSchema, Type.Null()], {
      description: 'What this client may do: viewer reads, editor writes, admin manages users',
    }),
    mode: Type.Union([
      Type.Literal('accounts'),
      Type.Literal('open-local'),
      Type.Literal('anonymous-read'),
      Type.Literal('sign-in-required'),
    ]),
    via: Type.Union([Type.Literal('session'), Type.Literal('token'), Type.Null()]),
    csrfToken: Type.Union([Type.String(), Type.Null()], {
      description: 'Send as x-csrf-token on every POST/PUT/DELETE made with the session cookie',
    }),
    expiresAt: Type.Union([Type.String(), Type.Null()]),
  },
  { description: 'Who the client is and what it may do' },
);
const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  accountId: Type.String(),
  createdAt: Type.String(),
});
const problems = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, ProblemSchema]));
const UserName = Type.Object({ name: Type.String({ minLength: 1, maxLength: 64 }) });

function me(request: FastifyRequest) {
  const p = request.principal;
  switch (p.kind) {
    case 'session':
      return {
        user: { id: p.account.id, name: p.account.name, role: p.role },
        role: p.role,
        mode: 'accounts' as const,
        via: 'session' as const,
        csrfToken: p.csrfToken,
        expiresAt: p.expiresAt,
      };
    case 'token':
      return {
        user: { id: p.account.id, name: p.account.name, role: p.account.role },
        role: p.role,
        mode: 'accounts' as const,
        via: 'token' as const,
        csrfToken: null,
        expiresAt: null,
      };
    case 'local':
      return { user: null, role: p.role, mode: 'open-local' as const, via: null, csrfToken: null, expiresAt: null };
    case 'anonymous':
      return { user: null, role: p.role, mode: 'anonymous-read' as const, via: null, csrfToken: null, expiresAt: null };
    default:
      return { user: null, role: null, mode: 'sign-in-required' as const, via: null, csrfToken: null, expiresAt: null };
  }
}

function userProblem(err: unknown): unknown {
  if (err instanceof UserError) return new ApiProblem(err.status, err.code, err.message);
  if (err instanceof AccountError && (err.code === 'account_not_found' || err.code === 'token_not_found'))
    return new ApiProblem(404, err.code, err.message);
  return err;
}

function needAccounts(request: FastifyRequest): void {
  if (!request.server.auth.accounts)
    throw new ApiProblem(409, 'no_account_store', 'This server runs without an account store');
}

type App = Parameters<FastifyPluginAsyncTypebox>[0];

/** `/api/me`, sign-in and sign-out. */
function sessionRoutes(app: App): void {
  app.get(
    '/api/me',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Who am I: user, role, mode and the CSRF token of the session',
        response: { 200: MeSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return me(request);
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', csrf: false },
      schema: {
        tags,
        summary: 'Sign in with name and password; sets the session cookie (rate-limited: 5 a minute per IP and name)',
        body: Type.Object(
          { name: Type.String({ maxLength: 200 }), password: Type.String({ maxLength: 1024 }) },
          { additionalProperties: false },
        ),
        response: { 200: MeSchema, ...problems(400, 401, 409, 429) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (!(await app.auth.hasAccounts()))
        throw new ApiProblem(
          409,
          'no_accounts',
          'This install has no accounts: create an admin with `aktorsatlas user add NAME --role admin`',
        );
      const result = await app.auth.login(request.ip, request.body.name, request.body.password);
      if (result.result === 'limited') {
        reply.header('retry-after', String(result.retryAfter));
        throw new ApiProblem(429, 'rate_limited', `Too many sign-in attempts; try again in ${result.retryAfter} s`);
      }
      if (result.result === 'invalid') throw new ApiProblem(401, 'invalid_credentials', 'Wrong name or password');
      reply.setCookie(
        SESSION_COOKIE,
        result.sessionId,
        sessionCookieOptions(request, app.auth.options.secureCookie, Math.floor(app.auth.sessionTtlMs / 1000)),
      );
      const { account } = result;
      return {
        user: { id: account.id, name: account.name, role: account.role },
        role: account.role,
        mode: 'accounts' as const,
        via: 'session' as const,
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt,
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign out: ends the session and clears the cookie (needs x-csrf-token)',
        response: { 204: Type.Null(), ...problems(403) },
      },
    },
    async (request, reply) => {
      if (request.principal.kind === 'session') await app.auth.logout(request.principal.sessionHash);
      clearSessionCookie(request, reply, app.auth.options.secureCookie);
      return reply.code(204).send(null);
    },
  );
}

/** API tokens: list, create (shown once), revoke. */
function tokenRoutes(app: App): void {
  app.get(
    '/api/auth/tokens',
    {
      config: { access: 'account' },
      schema: {
        tags,
        summary: "API tokens: your own (an admin's: everyone's); never the token text",
        response: { 200: Type.Object({ items: Type.Array(TokenSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const p = request.principal;
      if (p.kind !== 'session' && p.kind !== 'token')
        throw new ApiProblem(403, 'forbidden', 'This needs a signed-in account');
      const tokens = await app.auth.accounts!.listTokens(p.role === 'admin' ? undefined : p.account.id);
      return { items: tokens.map(({ tokenHash: _hash, ...t }) => t) };
    },
  );

  app.post(
    '/api/auth/tokens',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Create an API token for scripts (editor or admin); the token is shown once, in this answer',
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 100 }), role: Type.Optional(RoleSchema) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            ...TokenSchema.properties,
            token: Type.String({ description: 'Send as Authorization: Bearer <token>' }),
          }),
          ...problems(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      needAccounts(request);
      const p = request.principal;
      if (p.kind !== 'session' && p.kind !== 'token')
        throw new ApiProblem(
          409,
          'no_accounts',
          'Tokens belong to an account; this install has none (open local mode)',
        );
      const role: Role = request.body.role ?? p.role;
      if (!atLeast(p.role, role)) throw new ApiProblem(403, 'forbidden', `A ${p.role} cannot create a ${role} token`);
      const { token, record } = await app.auth.createToken(p.account, request.body.name, role);
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({
        id: record.id,
        name: record.name,
        role: record.role,
        accountId: record.accountId,
        createdAt: record.createdAt,
        token,
      });
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      config: { access: 'account' },
      schema: {
        tags,
        summary: 'Revoke an API token (your own; an admin: any)',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const p = request.principal;
      if (p.kind !== 'session' && p.kind !== 'token')
        throw new ApiProblem(403, 'forbidden', 'This needs a signed-in account');
      const mine = await app.auth.accounts!.listTokens(p.role === 'admin' ? undefined : p.account.id);
      if (!mine.some((t) => t.id === request.params.id)) throw new ApiProblem(404, 'token_not_found', 'No such token');
      await app.auth.revokeToken(request.params.id).catch((err: unknown) => {
        throw userProblem(err);
      });
      return reply.code(204).send(null);
    },
  );
}

/** User management for administrators. */
function userRoutes(app: App): void {
  app.get(
    '/api/users',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'List users (admin)',
        response: { 200: Type.Object({ items: Type.Array(UserSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      needAccounts(request);
      return { items: (await app.auth.accounts!.listAccounts()).map(({ passwordHash: _h, ...u }) => u) };
    },
  );

  app.post(
    '/api/users',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Add a user (admin; in open local mode, the local user may add the first admin)',
        body: Type.Object(
          { name: Type.String({ maxLength: 64 }), role: RoleSchema, password: Type.String({ maxLength: 1024 }) },
          { additionalProperties: false },
        ),
        response: { 201: UserSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      needAccounts(request);
      if (request.principal.kind === 'local' && request.body.role !== 'admin')
        throw new ApiProblem(400, 'first_user_admin', 'The first user must be an admin');
      const user: PublicUser = await app.auth.addUser(request.body).catch((err: unknown) => {
        throw userProblem(err);
      });
      return reply.code(201).send(user);
    },
  );

  app.put(
    '/api/users/:name',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "Change a user's role or password (admin); a new password ends the user's sessions",
        params: UserName,
        body: Type.Object(
          { role: Type.Optional(RoleSchema), password: Type.Optional(Type.String({ maxLength: 1024 })) },
          { additionalProperties: false },
        ),
        response: { 200: UserSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      needAccounts(request);
      return app.auth.updateUser(request.params.name, request.body).catch((err: unknown) => {
        throw userProblem(err);
      });
    },
  );

  app.delete(
    '/api/users/:name',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Remove a user with their tokens and sessions (admin)',
        params: UserName,
        response: { 204: Type.Null(), ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      needAccounts(request);
      await app.auth.removeUser(request.params.name).catch((err: unknown) => {
        throw userProblem(err);
      });
      return reply.code(204).send(null);
    },
  );
}

/**
 * Sign-in and sessions (`/api/me`, `/api/auth/*`), API tokens, and user management for administrators (`/api/users`).
 */
const auth: FastifyPluginAsyncTypebox = async (app) => {
  sessionRoutes(app);
  tokenRoutes(app);
  userRoutes(app);
};

export default auth;
