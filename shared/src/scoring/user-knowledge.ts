/**
 * A learner's whole knowledge-element history, derived from their assessments and answers (events first):
 * assessments are replayed in creation order; each one's answers (first answer per challenge, in event
 * order) create KEs on its target skills on top of what earlier assessments created (knowledge reuse);
 * an improving assessment starts from the validated KEs plus the recent failures (§2.4); a reset writes
 * reset KEs for its competence. Browser and server call this same function.
 */
import { orderAnswers } from '../engine/answer-history';
import type { PackIndex } from '../model/pack-index';
import type { AnswerEvent, Assessment, KnowledgeElement } from '../model/types';
import { knowledgeElementsForImprovement } from './delays';
import { assessmentKnowledgeElements } from '../engine/assessment-knowledge';
import { currentKnowledgeElements, resetKnowledgeElements } from './knowledge-elements';
import { compareByDateThenId } from './time';

/** The target skills of a competence evaluation: the competence's active skills. */
export function competenceSkillIds(index: PackIndex, competenceId: string): string[] {
  return (index.skillsByCompetenceId.get(competenceId) ?? []).filter((s) => s.status === 'actif').map((s) => s.id);
}

export interface KnowledgeReplay {
  /** every KE, oldest first (history: current state = latest per skill, see currentKnowledgeElements) */
  history: KnowledgeElement[];
  /** KEs created by each assessment */
  byAssessment: Map<string, KnowledgeElement[]>;
}

/**
 * @param targetSkillIdsOf the skills an assessment measures (competence skills, campaign skills…);
 *        return [] for assessments that create no KE (certification, preview)
 */
export function replayKnowledge(
  index: PackIndex,
  assessments: Assessment[],
  answers: AnswerEvent[],
  targetSkillIdsOf: (assessment: Assessment) => string[],
): KnowledgeReplay {
  const answersByAssessment = new Map<string, AnswerEvent[]>();
  for (const answer of answers) {
    const list = answersByAssessment.get(answer.assessmentId);
    if (list) list.push(answer);
    else answersByAssessment.set(answer.assessmentId, [answer]);
  }
  type Step = { at: string; id: string; run: () => void };
  const steps: Step[] = [];
  let history: KnowledgeElement[] = [];
  const byAssessment = new Map<string, KnowledgeElement[]>();

  for (const assessment of assessments) {
    if (assessment.resetAt && assessment.competenceId) {
      const { competenceId, resetAt } = assessment;
      // same KEs as the node stores: reset copies attached to the resetting assessment
      const reset = () => resetKnowledgeElements(history, competenceId, resetAt).map((ke) => ({ ...ke, assessmentId: assessment.id }));
      steps.push({ at: resetAt, id: `${assessment.id}:reset`, run: () => (history = history.concat(reset())) });
    }
    steps.push({
      at: assessment.createdAt,
      id: assessment.id,
      run: () => {
        const ordered = orderAnswers(answersByAssessment.get(assessment.id) ?? []);
        const targets = new Set(targetSkillIdsOf(assessment));
        if (ordered.length === 0 || targets.size === 0) return;
        const current = currentKnowledgeElements(history);
        const previous = assessment.isImproving ? knowledgeElementsForImprovement(current, assessment.createdAt) : current;
        const created = assessmentKnowledgeElements(index, { assessment, targetSkillIds: [...targets], previousKnowledgeElements: previous, answers: ordered });
        byAssessment.set(assessment.id, created);
        history = history.concat(created);
      },
    });
  }
  steps.sort((a, b) => compareByDateThenId({ createdAt: a.at, id: a.id }, { createdAt: b.at, id: b.id }));
  for (const step of steps) step.run();
  return { history, byAssessment };
}
