/**
 * A simulated pupil for fault and load scripts: plays competence evaluations on the real engine like
 * the PWA would (next challenge from the answers so far, stops when the engine is done, then starts
 * another competence), with a seeded mix of right and wrong answers. Returns the documents to push
 * and, for each answer, the result the node must store (the shared matcher's).
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_COMPETENCE_EVALUATION_METHOD } from '../../shared/src/engine/engine-choice';
import { nextChallenge } from '../../shared/src/engine/next-challenge';
import { matchAnswer } from '../../shared/src/matching/match-answer';
import type { PackIndex } from '../../shared/src/model/pack-index';
import type { AnswerStatus, AssessmentMethod, Challenge } from '../../shared/src/model/types';
import type { Rng } from '../../shared/src/random/seeded-rng';
import { targetSkillIdsOf } from '../../shared/src/sync/derive-assessment';
import type { AnswerDoc, AssessmentDoc } from '../../shared/src/sync/protocol';

export interface PupilPlan {
  userId: string;
  assessments: AssessmentDoc[];
  /** in the order the pupil answered */
  answers: AnswerDoc[];
  expected: Map<string, AnswerStatus>;
}

function rightValue(challenge: Challenge): string {
  if (challenge.type === 'QCU' || challenge.type === 'QCM') return challenge.solution.value;
  if (challenge.type === 'QROC') return challenge.solution.value.split('\n')[0]?.trim() ?? '';
  return 'réponse';
}

function wrongValue(challenge: Challenge): string {
  if (challenge.type === 'QCU') return challenge.solution.value === '1' ? '2' : '1';
  return 'je ne sais pas';
}

/** `method`: the engine of the evaluations, by default the product's (what the node will re-score with). */
export function planPupil(
  index: PackIndex,
  userId: string,
  answersWanted: number,
  rng: Rng,
  start: Date,
  method: AssessmentMethod = DEFAULT_COMPETENCE_EVALUATION_METHOD,
): PupilPlan {
  const competences = [...index.pack.competences].filter((c) => (index.skillsByCompetenceId.get(c.id) ?? []).length > 0);
  for (let i = competences.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [competences[i], competences[j]] = [competences[j], competences[i]];
  }
  const plan: PupilPlan = { userId, assessments: [], answers: [], expected: new Map() };
  let clock = start.getTime();
  const at = () => new Date((clock += 15_000 + rng.nextInt(30_000))).toISOString();
  for (const competence of competences) {
    if (plan.answers.length >= answersWanted) break;
    const createdAt = at();
    const assessment: AssessmentDoc = {
      id: randomUUID(), userId, type: 'COMPETENCE_EVALUATION', state: 'started', method, competenceId: competence.id,
      createdAt, updatedAt: createdAt, _deleted: false,
    };
    plan.assessments.push(assessment);
    const targetSkillIds = targetSkillIdsOf(index, assessment) ?? [];
    const answers: AnswerDoc[] = [];
    while (plan.answers.length < answersWanted) {
      const step = nextChallenge(index, { assessmentId: assessment.id, userId, targetSkillIds, previousKnowledgeElements: [], method }, answers);
      if (step.done) break;
      const challenge = step.challenge;
      const value = rng.nextFloat() < 0.65 ? rightValue(challenge) : wrongValue(challenge);
      const timeout = challenge.timer ? challenge.timer - rng.nextInt(challenge.timer + 10) : null;
      const match = matchAnswer(challenge, value, { timeout, focusedOut: false, isCertification: false });
      const createdAtAnswer = at();
      // The device sometimes claims a wrong result (old app, tampering): the node must correct it.
      const claimed: AnswerStatus = rng.nextInt(10) === 0 ? (match.result === 'ok' ? 'ko' : 'ok') : match.result;
      const answer: AnswerDoc = {
        id: randomUUID(), userId, assessmentId: assessment.id, challengeId: challenge.id, value, timeout, focusedOut: false,
        timeSpent: 5 + rng.nextInt(60), createdAt: createdAtAnswer, result: claimed, updatedAt: createdAtAnswer, _deleted: false,
      };
      answers.push({ ...answer, result: match.result });
      plan.answers.push(answer);
      plan.expected.set(answer.id, match.result);
    }
  }
  return plan;
}
