/**
 * Figures of a content pack: totals by type and level, special challenges (timed, focused, with an
 * attachment or a simulator) and per-competence counts. Pure: used by the content validator
 * (`npm run content:check`) and available to any screen that shows the content's coverage.
 */
import type { ChallengeType, ContentPack } from '../model/types';

export const CHALLENGE_TYPES: readonly ChallengeType[] = ['QCU', 'QCM', 'QROC', 'QROCM-ind', 'QROCM-dep'];

export interface PackStats {
  /** competences that have at least one tube */
  competences: number;
  tubes: number;
  skills: number;
  challenges: number;
  byType: Record<ChallengeType, number>;
  /** challenges by the level of their skill ("1".."8") */
  byLevel: Record<string, number>;
  timed: number;
  focused: number;
  withAttachment: number;
  withSimulator: number;
  /** distinct simulators used by the challenges */
  simulators: number;
  tutorials: number;
  targetProfiles: number;
}

export interface CompetenceStats {
  competenceId: string;
  index: string;
  thematics: number;
  tubes: number;
  skills: number;
  challenges: number;
  /** distinct skill levels, ascending */
  levels: number[];
  byType: Record<ChallengeType, number>;
}

/** `/simulators/messagerie/index.html?scenario=2` → `messagerie`; undefined for any other URL. */
export function simulatorNameOf(url: string): string | undefined {
  return /^\/?simulators\/([^/?#]+)/.exec(url)?.[1];
}

const emptyByType = (): Record<ChallengeType, number> => ({ QCU: 0, QCM: 0, QROC: 0, 'QROCM-ind': 0, 'QROCM-dep': 0 });

export function packStats(pack: ContentPack): PackStats {
  const levelOfSkill = new Map(pack.skills.map((s) => [s.id, s.level]));
  const byType = emptyByType();
  const byLevel: Record<string, number> = {};
  const simulators = new Set<string>();
  let timed = 0;
  let focused = 0;
  let withAttachment = 0;
  let withSimulator = 0;
  for (const challenge of pack.challenges) {
    byType[challenge.type] += 1;
    const level = String(levelOfSkill.get(challenge.skillId) ?? '?');
    byLevel[level] = (byLevel[level] ?? 0) + 1;
    if (challenge.timer !== undefined) timed += 1;
    if (challenge.focused) focused += 1;
    if (challenge.attachments.length > 0) withAttachment += 1;
    if (challenge.embedUrl) {
      withSimulator += 1;
      simulators.add(simulatorNameOf(challenge.embedUrl) ?? challenge.embedUrl);
    }
  }
  return {
    competences: new Set(pack.tubes.map((t) => t.competenceId)).size,
    tubes: pack.tubes.length,
    skills: pack.skills.length,
    challenges: pack.challenges.length,
    byType,
    byLevel,
    timed,
    focused,
    withAttachment,
    withSimulator,
    simulators: simulators.size,
    tutorials: pack.tutorials.length,
    targetProfiles: pack.targetProfiles.length,
  };
}

export function competenceStats(pack: ContentPack): CompetenceStats[] {
  return pack.competences.map((competence) => {
    const skills = pack.skills.filter((s) => s.competenceId === competence.id);
    const challenges = pack.challenges.filter((c) => c.competenceId === competence.id);
    const byType = emptyByType();
    for (const challenge of challenges) byType[challenge.type] += 1;
    return {
      competenceId: competence.id,
      index: competence.index,
      thematics: pack.thematics.filter((t) => t.competenceId === competence.id).length,
      tubes: pack.tubes.filter((t) => t.competenceId === competence.id).length,
      skills: skills.length,
      challenges: challenges.length,
      levels: [...new Set(skills.map((s) => s.level))].sort((a, b) => a - b),
      byType,
    };
  });
}
