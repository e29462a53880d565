/**
 * Reading and validating request bodies and queries with zod at the boundary: malformed JSON and
 * invalid fields become 400 errors with a French message and the zod issues as details.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { badRequest } from './errors';

export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw badRequest('INVALID_JSON', "Le corps de la requête n'est pas un JSON valide.");
  }
  return parseWith(schema, raw);
}

export function parseWith<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw badRequest('INVALID_INPUT', 'Les données envoyées sont invalides.', details);
  }
  return parsed.data;
}
