/**
 * Selection rules of the flash engine (§3.2 "Rules", Pix `FlashAssessmentAlgorithmRuleEngine`),
 * applied in order to the challenges still available:
 * 1. never a challenge already answered, never a second challenge of an answered skill;
 * 2. one question per tube (when enabled);
 * 3. passage by all competences (when enabled): while some target competence has not been seen,
 *    only challenges of unseen competences (if any is available);
 * 4. avoid the competences of the last N answers when possible.
 */
import type { Challenge } from '../../model/types';
import type { FlashConfig } from './flash-config';

export interface FlashRuleInput {
  available: Challenge[];
  /** answered challenges, in answer order */
  answered: Challenge[];
  /** competences of the target skills */
  targetCompetenceIds: ReadonlySet<string>;
  tubeIdOfSkill: (skillId: string) => string | undefined;
  config: Pick<FlashConfig, 'limitToOneQuestionPerTube' | 'enablePassageByAllCompetences' | 'challengesBetweenSameCompetence'>;
}

function preferIfAny(challenges: Challenge[], keep: (c: Challenge) => boolean): Challenge[] {
  const kept = challenges.filter(keep);
  return kept.length > 0 ? kept : challenges;
}

export function applyFlashRules({ available, answered, targetCompetenceIds, tubeIdOfSkill, config }: FlashRuleInput): Challenge[] {
  const answeredIds = new Set(answered.map((c) => c.id));
  const answeredSkills = new Set(answered.map((c) => c.skillId));
  let candidates = available.filter((c) => !answeredIds.has(c.id) && !answeredSkills.has(c.skillId));

  if (config.limitToOneQuestionPerTube) {
    const answeredTubes = new Set(answered.map((c) => tubeIdOfSkill(c.skillId)));
    candidates = candidates.filter((c) => !answeredTubes.has(tubeIdOfSkill(c.skillId)));
  }

  if (config.enablePassageByAllCompetences) {
    const seen = new Set(answered.map((c) => c.competenceId));
    const unseen = [...targetCompetenceIds].filter((id) => !seen.has(id));
    if (unseen.length > 0) candidates = preferIfAny(candidates, (c) => unseen.includes(c.competenceId));
  }

  if (config.challengesBetweenSameCompetence > 0) {
    const recent = new Set(answered.slice(-config.challengesBetweenSameCompetence).map((c) => c.competenceId));
    candidates = preferIfAny(candidates, (c) => !recent.has(c.competenceId));
  }
  return candidates;
}
