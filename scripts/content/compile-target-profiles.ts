/**
 * Compiles content/target-profiles.yaml into the pack's target profiles: capped tubes by tube NAME
 * (`@moteurRecherche`) → tube id (`tube-moteurRecherche`), stage and badge ids derived from the
 * profile id. Checks that every tube exists and has skills up to its cap, and the palier rules
 * (a 0 % first stage, increasing thresholds).
 */
import type { Badge, CappedTube, Skill, Stage, TargetProfile } from '../../shared/src/model/types';
import { tubeIdOf, type Origin } from './compile-competences';
import { frenchErrors, issuesToErrors, joinPath, type ContentError } from './content-error';
import type { SourceFile } from './read-sources';
import { targetProfileSourceSchema, targetProfilesFileSchema, type CappedTubeSource } from './source-schema';

export interface CompiledTargetProfiles {
  targetProfiles: TargetProfile[];
  origins: Map<string, Origin>;
  errors: ContentError[];
}

export function compileTargetProfiles(source: SourceFile | undefined, skills: Skill[]): CompiledTargetProfiles {
  const out: CompiledTargetProfiles = { targetProfiles: [], origins: new Map(), errors: [] };
  if (!source || source.data === undefined) return out;
  const { file } = source;
  const list = targetProfilesFileSchema.safeParse(source.data ?? [], { error: frenchErrors });
  if (!list.success) {
    out.errors.push({ file, path: '', message: 'liste de profils cibles attendue (« - id: … »)' });
    return out;
  }
  const levelsByTubeId = new Map<string, number[]>();
  for (const skill of skills) levelsByTubeId.set(skill.tubeId, [...(levelsByTubeId.get(skill.tubeId) ?? []), skill.level]);
  const badgeKeys = new Map<string, string>();

  const cappedTubes = (tubes: CappedTubeSource[], at: string): CappedTube[] => {
    const seen = new Set<string>();
    return tubes.flatMap((capped, i) => {
      const tubeId = tubeIdOf(capped.tube);
      const levels = levelsByTubeId.get(tubeId);
      const where = joinPath(at, i);
      if (seen.has(tubeId)) {
        out.errors.push({ file, path: where, message: `sujet « ${capped.tube} » présent deux fois` });
        return [];
      }
      seen.add(tubeId);
      if (!levels) {
        out.errors.push({ file, path: joinPath(where, 'tube'), message: `sujet « ${capped.tube} » introuvable dans les compétences` });
        return [];
      }
      if (!levels.some((level) => level <= capped.level)) {
        out.errors.push({ file, path: joinPath(where, 'level'), message: `aucun acquis de « ${capped.tube} » au niveau ${capped.level} ou en dessous (niveaux : ${[...levels].sort((a, b) => a - b).join(', ')})` });
      }
      return [{ tubeId, level: capped.level }];
    });
  };

  list.data.forEach((raw, i) => {
    const at = joinPath('', i);
    const parsed = targetProfileSourceSchema.safeParse(raw, { error: frenchErrors });
    if (!parsed.success) return void out.errors.push(...issuesToErrors(parsed.error.issues, file, at));
    const tp = parsed.data;
    if (out.origins.has(`targetProfiles:${tp.id}`)) {
      return void out.errors.push({ file, path: joinPath(at, 'id'), message: `profil cible « ${tp.id} » en double` });
    }
    out.origins.set(`targetProfiles:${tp.id}`, { file, path: at });

    const stages: Stage[] = tp.stages.map((stage, si) => {
      const out: Stage = { id: `${tp.id}-palier-${si}`, title: stage.title, message: stage.message };
      if (stage.threshold !== undefined) out.threshold = stage.threshold;
      if (stage.level !== undefined) out.level = stage.level;
      if (stage.prescriberTitle !== undefined) out.prescriberTitle = stage.prescriberTitle;
      if (stage.prescriberDescription !== undefined) out.prescriberDescription = stage.prescriberDescription;
      return out;
    });
    checkStages(stages, (si, message) => out.errors.push({ file, path: joinPath(at, 'stages', si), message }));

    const badges: Badge[] = tp.badges.map((badge, bi) => {
      const where = joinPath(at, 'badges', bi);
      const previous = badgeKeys.get(badge.key);
      if (previous) out.errors.push({ file, path: joinPath(where, 'key'), message: `clé de badge « ${badge.key} » déjà utilisée en ${previous}` });
      badgeKeys.set(badge.key, where);
      const result: Badge = {
        id: `badge-${badge.key.toLowerCase().replace(/_/g, '-')}`,
        key: badge.key, title: badge.title, message: badge.message, altMessage: badge.altMessage,
        isCertifiable: badge.isCertifiable,
        criteria: badge.criteria.map((criterion, ci) => {
          const criterionPath = joinPath(where, 'criteria', ci);
          if (criterion.scope === 'CappedTubes' && !criterion.tubes?.length) {
            out.errors.push({ file, path: criterionPath, message: 'un critère CappedTubes liste ses sujets (tubes)' });
          }
          return criterion.tubes
            ? { scope: criterion.scope, threshold: criterion.threshold, cappedTubes: cappedTubes(criterion.tubes, joinPath(criterionPath, 'tubes')) }
            : { scope: criterion.scope, threshold: criterion.threshold };
        }),
      };
      if (badge.imageUrl !== undefined) result.imageUrl = badge.imageUrl;
      return result;
    });

    out.targetProfiles.push({
      id: tp.id, name: tp.name, category: tp.category, description: tp.description.trim(),
      cappedTubes: cappedTubes(tp.tubes, joinPath(at, 'tubes')), stages, badges,
    });
  });
  return out;
}

/** Paliers: the first is the zero stage, thresholds (or levels) strictly increase. */
export function checkStages(stages: Stage[], report: (index: number, message: string) => void): void {
  if (stages.length === 0) return;
  const first = stages[0];
  if ((first.threshold ?? first.level) !== 0) report(0, 'le premier palier doit être le palier zéro (threshold: 0)');
  for (let i = 1; i < stages.length; i++) {
    const previous = stages[i - 1];
    const current = stages[i];
    const sameKind = (previous.threshold === undefined) === (current.threshold === undefined);
    const prev = previous.threshold ?? previous.level ?? 0;
    const cur = current.threshold ?? current.level ?? 0;
    if (sameKind && cur <= prev) report(i, `seuils croissants attendus (${cur} après ${prev})`);
  }
}
