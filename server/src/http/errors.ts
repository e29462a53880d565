/**
 * One error shape for every failure of the API: `{ error: { code, message } }` with the right status.
 * Expected failures throw ApiError; anything else becomes a logged 500 and the process keeps running.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (code: string, message: string, details?: unknown) => new ApiError(400, code, message, details);
export const unauthorized = (message = 'Vous devez être connecté.') => new ApiError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = "Vous n'avez pas accès à cette ressource.") => new ApiError(403, 'FORBIDDEN', message);
export const notFound = (message = 'Ressource introuvable.') => new ApiError(404, 'NOT_FOUND', message);

export function errorBody(code: string, message: string, details?: unknown) {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

export function handleError(error: Error, c: Context, log: (line: string) => void) {
  if (error instanceof ApiError) {
    return c.json(errorBody(error.code, error.message, error.details), error.status);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const message = status === 413 ? 'La requête est trop volumineuse.' : error.message || 'Requête refusée.';
    return c.json(errorBody(`HTTP_${status}`, message), status);
  }
  log(`unexpected error on ${c.req.method} ${c.req.path}: ${error.stack ?? String(error)}`);
  return c.json(errorBody('INTERNAL_ERROR', 'Une erreur inattendue est survenue. Réessayez dans un instant.'), 500);
}
