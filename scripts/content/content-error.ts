/**
 * Errors reported on the content sources: always a file, a YAML path inside it and a French message,
 * printed as `content/competences/1.1-recherche.yaml: thematics[0].tubes[2]…: message`.
 */
import path from 'node:path';
import { z } from 'zod';

export interface ContentError {
  /** path of the source file (relative to the working directory when inside it) */
  file: string;
  /** YAML path inside the file, e.g. `thematics[0].tubes[2].skills[1].challenges[0].solution`; '' = whole file */
  path: string;
  message: string;
}

/** zod messages in French for the content writers. */
export const frenchErrors = z.locales.fr().localeError;

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export function formatError(error: ContentError): string {
  return error.path ? `${error.file}: ${error.path}: ${error.message}` : `${error.file}: ${error.message}`;
}

/** `thematics[0]` + `tubes` + 2 → `thematics[0].tubes[2]` */
export function joinPath(base: string, ...segments: (string | number | symbol)[]): string {
  let out = base;
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

/** Turns zod issues into readable French errors, with the YAML path of each. */
export function issuesToErrors(issues: z.core.$ZodIssue[], file: string, base: string): ContentError[] {
  return issues.flatMap((issue): ContentError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ file, path: joinPath(base, ...issue.path, key), message: `champ inconnu « ${key} »` }));
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    return [{ file, path: joinPath(base, ...issue.path), message: missing ? 'champ obligatoire manquant' : issue.message }];
  });
}
