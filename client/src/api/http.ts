/**
 * Calls to the node's API. Every failure becomes an ApiFailure carrying the server's French message,
 * or a network failure ("offline") the caller can tell apart and survive.
 */

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

const NETWORK_MESSAGE = 'Le serveur est injoignable. Vérifiez la connexion et réessayez.';

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiFailure(0, 'NETWORK', NETWORK_MESSAGE);
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? 'Une erreur est survenue.');
  }
  return data as T;
}
