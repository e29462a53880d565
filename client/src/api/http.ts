/**
 * The one HTTP client of the PWA's screens: every call names the zod schema (shared/src/api) its response
 * must match, and gets parsed data back, never a cast. Every failure becomes an ApiFailure carrying a
 * French message: the server's (with its `details`, e.g. the wait of a 429), a malformed response's
 * (INVALID_RESPONSE), or a network failure ("offline") the caller can tell apart and survive. Every call
 * tells the node's reachability (reachability.ts) whether the node answered.
 */
import * as z from 'zod/mini';
import { errorBodySchema } from '../../../shared/src/api/schemas';
import { nodeReachability } from './reachability';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** the server's `error.details`, unparsed: the caller parses it with the shared schema of that code */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export interface ApiInit {
  method?: string;
  body?: unknown;
  /** extra request headers (the sync sends its format version) */
  headers?: Record<string, string>;
}

const NETWORK_MESSAGE = 'Le serveur est injoignable. Vérifiez la connexion et réessayez.';
const SERVER_ERROR_MESSAGE = 'Une erreur est survenue.';
export const INVALID_RESPONSE_MESSAGE =
  "La réponse du serveur n'a pas la forme attendue. Réessayez ; si le problème continue, rechargez la page pour mettre l'application à jour.";

/** Calls the node and parses its JSON answer with `schema`. */
export async function api<S extends z.ZodMiniType>(path: string, schema: S, init: ApiInit = {}): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
  } catch {
    nodeReachability()?.reportNetworkFailure();
    throw new ApiFailure(0, 'NETWORK', NETWORK_MESSAGE);
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    nodeReachability()?.reportNetworkFailure();
    throw new ApiFailure(0, 'NETWORK', NETWORK_MESSAGE);
  }
  nodeReachability()?.reportAnswer();
  let data: unknown;
  let json = true;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
    json = false;
  }
  if (!response.ok) {
    const body = errorBodySchema.safeParse(data);
    if (body.success) throw new ApiFailure(response.status, body.data.error.code, body.data.error.message, body.data.error.details);
    throw new ApiFailure(response.status, `HTTP_${response.status}`, SERVER_ERROR_MESSAGE);
  }
  const parsed = json ? schema.safeParse(data) : null;
  if (!parsed?.success) {
    const where = parsed?.error.issues.map((issue) => issue.path.join('.') || '(racine)').join(', ') ?? 'JSON illisible';
    console.warn(`Réponse inattendue de ${path} : ${where}`);
    throw new ApiFailure(response.status, 'INVALID_RESPONSE', INVALID_RESPONSE_MESSAGE);
  }
  return parsed.data;
}
