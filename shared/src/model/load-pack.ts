/**
 * Loads a content pack from untrusted data (pack.json, sync): schema validation item by item, then
 * referential integrity, reporting ALL errors at once with a path such as `skills[3].tubeId`.
 * Items that fail their schema are left out of the integrity checks, but their ids still count as
 * known, so one bad item does not cascade into "unknown id" errors elsewhere.
 * pixValue is always recomputed (§1.2), whatever the input says.
 */
import type * as z from 'zod/mini';
import { parseYamlMap } from '../matching/yaml-map';
import { indexPack, type PackIndex } from './pack-index';
import { withPixValues } from './pix-values';
import {
  areaSchema, challengeSchema, competenceSchema, skillSchema, targetProfileSchema, thematicSchema, tubeSchema, tutorialSchema,
} from './schemas';
import type { ContentPack } from './types';
import { checkIntegrity, type Collections, type PackError } from './pack-integrity';

export type { PackError } from './pack-integrity';
export type LoadPackResult = { ok: true; index: PackIndex } | { ok: false; errors: PackError[] };

const SCHEMAS = {
  areas: areaSchema, competences: competenceSchema, thematics: thematicSchema, tubes: tubeSchema, skills: skillSchema,
  challenges: challengeSchema, tutorials: tutorialSchema, targetProfiles: targetProfileSchema,
} as const;

type CollectionName = keyof typeof SCHEMAS;

export function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

/** French message of a zod issue (zod's own messages are English). */
export function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `champ manquant ou de type invalide (${issue.expected} attendu)`;
    case 'invalid_value':
      return `valeur invalide (attendu : ${issue.values.map((v) => String(v)).join(', ')})`;
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
      return issue.message === 'Invalid input' ? 'valeur invalide' : issue.message;
    default:
      return issue.message === 'Invalid input' ? 'valeur invalide' : issue.message;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseCollection<K extends CollectionName>(
  name: K, raw: unknown, errors: PackError[],
): { items: { item: z.output<(typeof SCHEMAS)[K]>; position: number }[]; rejectedIds: Set<string> } {
  const items: { item: z.output<(typeof SCHEMAS)[K]>; position: number }[] = [];
  const rejectedIds = new Set<string>();
  if (!Array.isArray(raw)) {
    errors.push({ path: name, message: 'liste attendue' });
    return { items, rejectedIds };
  }
  raw.forEach((value: unknown, position) => {
    const parsed = SCHEMAS[name].safeParse(value);
    if (parsed.success) {
      items.push({ item: parsed.data as z.output<(typeof SCHEMAS)[K]>, position });
      return;
    }
    if (isRecord(value) && typeof value.id === 'string') rejectedIds.add(value.id);
    for (const issue of parsed.error.issues) {
      errors.push({ path: formatPath([name, position, ...issue.path]), message: issueMessage(issue) });
    }
  });
  return { items, rejectedIds };
}

export function loadPack(raw: unknown): LoadPackResult {
  if (!isRecord(raw)) return { ok: false, errors: [{ path: '', message: 'paquet de contenu attendu (objet JSON)' }] };
  const errors: PackError[] = [];
  if (typeof raw.version !== 'string') errors.push({ path: 'version', message: 'version du paquet attendue (texte)' });
  const collections: Collections = {
    areas: parseCollection('areas', raw.areas, errors),
    competences: parseCollection('competences', raw.competences, errors),
    thematics: parseCollection('thematics', raw.thematics, errors),
    tubes: parseCollection('tubes', raw.tubes, errors),
    skills: parseCollection('skills', raw.skills, errors),
    challenges: parseCollection('challenges', raw.challenges, errors),
    tutorials: parseCollection('tutorials', raw.tutorials, errors),
    targetProfiles: parseCollection('targetProfiles', raw.targetProfiles, errors),
  };
  errors.push(...checkIntegrity(collections));
  for (const { item, position } of collections.challenges.items) {
    if ((item.type === 'QROCM-ind' || item.type === 'QROCM-dep')) {
      const parsed = parseYamlMap(item.solution.value);
      if (!parsed.ok) errors.push({ path: `challenges[${position}].solution.value`, message: `solution QROCM illisible : ${parsed.error}` });
      else if (parsed.entries.length === 0) errors.push({ path: `challenges[${position}].solution.value`, message: 'solution QROCM vide' });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const skills = collections.skills.items.map(({ item }) => item);
  const challenges = collections.challenges.items.map(({ item }) => item);
  const pack: ContentPack = {
    version: raw.version as string,
    areas: collections.areas.items.map(({ item }) => item),
    competences: collections.competences.items.map(({ item }) => item),
    thematics: collections.thematics.items.map(({ item }) => item),
    tubes: collections.tubes.items.map(({ item }) => item),
    skills: withPixValues(skills, challenges),
    challenges,
    tutorials: collections.tutorials.items.map(({ item }) => item),
    targetProfiles: collections.targetProfiles.items.map(({ item }) => item),
  };
  return { ok: true, index: indexPack(pack) };
}
