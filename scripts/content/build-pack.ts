/**
 * Builds the runtime ContentPack from the reviewable sources in content/ (importable: the server loads
 * content at start-up, tests build fixtures). Areas and competences come from the referential,
 * pixValue from the domain rule (§1.2), the version is a hash of the sources. Every structural or
 * referential problem is returned as an error pointing at its file and YAML path; the pack holds
 * everything that could be built, and is re-validated by the domain loader (`loadPack`).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ContentPack } from '../../shared/src/model/types';
import { areas, competences } from '../../shared/src/model/referential';
import { withPixValues } from '../../shared/src/model/pix-values';
import { loadPack } from '../../shared/src/model/load-pack';
import { compileCompetences, type ChallengeExtras, type Origin } from './compile-competences';
import { compileTargetProfiles } from './compile-target-profiles';
import { displayPath, type ContentError } from './content-error';
import { readSources, type SourceFile } from './read-sources';

export interface BuildResult {
  pack: ContentPack;
  errors: ContentError[];
  /** `${collection}:${id}` → where the item is written */
  origins: Map<string, Origin>;
  extras: Map<string, ChallengeExtras>;
  /** competence id → source file */
  competenceFiles: Map<string, string>;
}

function versionOf(files: SourceFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    hash.update(path.basename(file.absolutePath)).update('\0').update(file.text).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** `/simulators/x/index.html?scenario=2` → `<publicDir>/simulators/x/index.html` */
export function publicFileOf(publicDir: string, url: string): string {
  return path.join(publicDir, decodeURIComponent(url.split(/[?#]/)[0]));
}

function checkPublicFiles(pack: ContentPack, publicDir: string, origins: Map<string, Origin>): ContentError[] {
  const errors: ContentError[] = [];
  const exists = new Map<string, boolean>();
  const check = (url: string, challengeId: string, field: string, label: string): void => {
    const file = publicFileOf(publicDir, url);
    if (!exists.has(file)) exists.set(file, fs.existsSync(file) && fs.statSync(file).isFile());
    if (exists.get(file)) return;
    const origin = origins.get(`challenges:${challengeId}`);
    errors.push({ file: origin?.file ?? '?', path: `${origin?.path ?? challengeId}.${field}`, message: `${label} introuvable : ${displayPath(file)}` });
  };
  for (const challenge of pack.challenges) {
    challenge.attachments.forEach((url, i) => check(url, challenge.id, `attachments[${i}]`, 'pièce jointe'));
    if (challenge.illustrationUrl) check(challenge.illustrationUrl, challenge.id, 'illustration.url', 'illustration');
    if (challenge.embedUrl) check(challenge.embedUrl, challenge.id, 'embed.url', 'simulateur');
  }
  return errors;
}

/** Maps an error of the domain loader (`challenges[12].skillId`) back to the source that produced it. */
export function locate(pack: ContentPack, packPath: string, origins: Map<string, Origin>): { file: string; path: string } {
  const match = /^(\w+)\[(\d+)\](.*)$/.exec(packPath);
  if (match) {
    const [, collection, position, rest] = match;
    const items = (pack as unknown as Record<string, { id?: string }[] | undefined>)[collection];
    const id = items?.[Number(position)]?.id;
    const origin = id === undefined ? undefined : origins.get(`${collection}:${id}`);
    if (origin) return { file: origin.file, path: `${origin.path}${rest ? ` (paquet : ${collection}[${position}]${rest})` : ''}` };
  }
  return { file: 'paquet', path: packPath };
}

export function buildPack(contentDir: string, publicDir: string): BuildResult {
  const sources = readSources(contentDir);
  const compiled = compileCompetences(sources.competenceFiles);
  const skills = withPixValues(compiled.skills, compiled.challenges);
  const profiles = compileTargetProfiles(sources.targetProfiles, skills);
  const allFiles = sources.targetProfiles ? [...sources.competenceFiles, sources.targetProfiles] : sources.competenceFiles;
  const pack: ContentPack = {
    version: versionOf(allFiles),
    areas,
    competences,
    thematics: compiled.thematics,
    tubes: compiled.tubes,
    skills,
    challenges: compiled.challenges,
    tutorials: compiled.tutorials,
    targetProfiles: profiles.targetProfiles,
  };
  const origins = new Map([...compiled.origins, ...profiles.origins]);
  const errors = [...sources.errors, ...compiled.errors, ...profiles.errors, ...checkPublicFiles(pack, publicDir, origins)];
  const loaded = loadPack(pack);
  if (!loaded.ok) {
    for (const error of loaded.errors) {
      const located = locate(pack, error.path, origins);
      const itemPath = located.path.split(' (paquet')[0];
      // the compiler already reported it at a more precise source path (e.g. a missing tutorial)
      const known = errors.some((e) => e.file === located.file && e.message === error.message && e.path.startsWith(itemPath));
      if (!known) errors.push({ ...located, message: error.message });
    }
  }
  return { pack, errors, origins, extras: compiled.extras, competenceFiles: compiled.competenceFiles };
}
