/** Middleware: the request must carry a valid session (cookie or bearer token). */
import type { MiddlewareHandler } from 'hono';
import { requestToken, userIdForToken } from '../auth/sessions';
import type { AppDeps, AppEnv } from '../context';
import { unauthorized } from '../http/errors';

export function requireUser(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = requestToken(c);
    const userId = token ? userIdForToken(deps.db, token, deps.now()) : undefined;
    if (!userId) throw unauthorized();
    c.set('userId', userId);
    await next();
  };
}
