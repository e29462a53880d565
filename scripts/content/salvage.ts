/**
 * When a tube or a skill fails its schema on a non-structural field (a missing hint, a misspelt
 * optional key), its errors are reported and it is still compiled from what is usable, so that the
 * errors of its skills and challenges are reported in the same run instead of after the fix.
 */
import { tubeSchema, type SkillSource, type TubeSource } from './source-schema';

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

export function salvageSkill(raw: unknown): SkillSource | undefined {
  if (!isRecord(raw) || !Array.isArray(raw.challenges)) return undefined;
  const level = raw.level;
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 8) return undefined;
  return {
    level,
    hint: textOf(raw.hint),
    status: raw.status === 'archivé' ? 'archivé' : 'actif',
    tutorials: strings(raw.tutorials),
    learningMore: strings(raw.learningMore),
    challenges: raw.challenges,
  };
}

export function salvageTube(raw: unknown): TubeSource | undefined {
  if (!isRecord(raw) || !Array.isArray(raw.skills)) return undefined;
  if (!tubeSchema.shape.name.safeParse(raw.name).success) return undefined;
  return {
    name: raw.name as string,
    practicalTitle: textOf(raw.practicalTitle),
    practicalDescription: textOf(raw.practicalDescription),
    tutorials: Array.isArray(raw.tutorials) ? raw.tutorials : [],
    skills: raw.skills,
  };
}
