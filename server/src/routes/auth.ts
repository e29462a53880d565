/** Login (e-mail or username), logout, and the current user. */
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { retryAfterSeconds, tooManyAttemptsMessage } from '../../../shared/src/accounts/login-throttle';
import { attemptAccount, attemptSucceeded, startAttempt } from '../auth/login-throttle';
import { verifyPassword } from '../auth/passwords';
import { createSession, deleteSession, requestToken, SESSION_COOKIE } from '../auth/sessions';
import { describeUser, findUserById, findUserByLogin } from '../auth/user-repository';
import type { AppDeps, AppEnv } from '../context';
import { ApiError, errorBody, unauthorized } from '../http/errors';
import { requestSource } from '../http/source-address';
import { readJson } from '../http/validation';
import { requireUser } from './require-user';

const LoginBody = z.object({
  login: z.string().trim().min(1, 'Saisissez votre adresse e-mail ou votre identifiant.').max(320),
  password: z.string().min(1, 'Saisissez votre mot de passe.').max(200),
  /** a sync client (relay, script) wants the token as a bearer; a browser keeps it in the HttpOnly cookie */
  client: z.enum(['browser', 'sync']).default('browser'),
});

const WRONG_CREDENTIALS = "L'adresse e-mail ou l'identifiant et/ou le mot de passe saisis sont incorrects.";

// A hash of "not-a-password", verified when the account does not exist so timing does not tell.
let decoyHash: Promise<string> | undefined;

export function authRoutes(deps: AppDeps) {
  const { db, now } = deps;
  const routes = new Hono<AppEnv>();

  routes.post('/login', async (c) => {
    const body = await readJson(c, LoginBody);
    const user = findUserByLogin(db, body.login);
    const attempt = { account: attemptAccount(user, body.login), source: requestSource(c) };
    const wait = startAttempt(db, attempt, now().getTime());
    if (wait) {
      // Answered before any password check: a refused attempt tells nothing about the password.
      const seconds = retryAfterSeconds(wait);
      const error = errorBody('TOO_MANY_ATTEMPTS', tooManyAttemptsMessage(seconds), { retryAfterSeconds: seconds });
      return c.json(error, 429, { 'Retry-After': String(seconds) });
    }
    if (!user) {
      decoyHash ??= import('../auth/passwords').then((m) => m.hashPassword('not-a-password'));
      await verifyPassword(await decoyHash, body.password);
    }
    const ok = user !== undefined && (await verifyPassword(user.password_hash, body.password));
    // The failure is already counted (startAttempt); a success forgets this source's failures.
    if (!user || !ok) throw new ApiError(401, 'INVALID_CREDENTIALS', WRONG_CREDENTIALS);
    attemptSucceeded(db, attempt);
    const session = createSession(db, user.id, now());
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      expires: session.expiresAt,
      secure: new URL(c.req.url).protocol === 'https:',
    });
    const me = describeUser(db, user);
    const expiresAt = session.expiresAt.toISOString();
    return c.json(body.client === 'sync' ? { token: session.token, expiresAt, user: me } : { expiresAt, user: me });
  });

  routes.post('/logout', (c) => {
    const token = requestToken(c);
    if (token) deleteSession(db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });

  return routes;
}

export function meRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireUser(deps));
  routes.get('/', (c) => {
    const user = findUserById(deps.db, c.get('userId'));
    if (!user) throw unauthorized();
    return c.json(describeUser(deps.db, user));
  });
  return routes;
}
