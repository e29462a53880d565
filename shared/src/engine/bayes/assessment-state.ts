/**
 * The Bayesian engine's view of an assessment, recomputed from scratch on every call (no hidden state):
 * per competence, the target skills (frame), the decided skills (the learner's current KEs from every
 * context plus the direct KEs this assessment's answers fix; a contested skill stays undecided) and
 * the ability posterior (prior updated by every answer of the assessment and by the direct KEs written
 * elsewhere).
 */
import type { PackIndex } from '../../model/pack-index';
import type { AnswerEvent, KnowledgeElement } from '../../model/types';
import { DEFAULT_MAX_REACHABLE_LEVEL } from '../../scoring/competence-score';
import { currentKnowledgeElements } from '../../scoring/knowledge-elements';
import type { EngineContext } from '../types';
import { updatePosterior } from './ability-grid';
import type { BayesConfig } from './bayes-config';
import type { CompetenceFrame } from './competence-frame';
import { directEvidence } from './direct-knowledge-elements';
import { modelTables } from './pack-cache';

export interface CompetenceState {
  frame: CompetenceFrame;
  decisions: Map<string, boolean>;
  posterior: Float64Array;
  /** answers of this assessment on the competence */
  answeredCount: number;
}

export interface AssessmentState {
  grid: Float64Array;
  competences: Map<string, CompetenceState>;
  /** current KEs on the target skills from other assessments */
  previousKnowledgeElements: KnowledgeElement[];
  /** direct KEs whose status this assessment's answers fix */
  directKnowledgeElements: KnowledgeElement[];
  /** skills asked twice with answers that disagree → the answer their (direct) KE hangs on */
  contested: Map<string, AnswerEvent>;
  /** answers of this assessment per target skill not assessed elsewhere */
  answersBySkill: Map<string, AnswerEvent[]>;
  curveOf(discriminant: number, difficulty: number): Float64Array;
}

/** What the Bayesian engine reads from the engine context. */
export type BayesContext = Pick<EngineContext, 'assessmentId' | 'userId' | 'targetSkillIds' | 'previousKnowledgeElements' | 'locale' | 'maxReachableLevel'>;

export function buildAssessmentState(
  index: PackIndex,
  context: BayesContext,
  orderedAnswers: AnswerEvent[],
  config: BayesConfig,
): AssessmentState {
  const tables = modelTables(index, config);
  const { grid, curveOf } = tables;
  const targets = new Set(context.targetSkillIds);
  const frames = tables.framesOf(context.targetSkillIds, context.maxReachableLevel ?? DEFAULT_MAX_REACHABLE_LEVEL, context.locale);
  const previous = currentKnowledgeElements(context.previousKnowledgeElements.filter((ke) => targets.has(ke.skillId)));
  const evidence = directEvidence(index, targets, previous, orderedAnswers);
  const direct = evidence.knowledgeElements;

  const competences = new Map<string, CompetenceState>();
  for (const frame of frames.values()) competences.set(frame.competenceId, { frame, decisions: new Map(), posterior: frame.prior ?? tables.prior, answeredCount: 0 });
  for (const ke of [...previous, ...direct]) competences.get(ke.competenceId)?.decisions.set(ke.skillId, ke.status === 'validated');
  // Direct KEs written in other assessments are evidence on the ability too (at the skill's mean calibration).
  for (const ke of previous) {
    if (ke.source !== 'direct' || ke.assessmentId === context.assessmentId) continue;
    const state = competences.get(ke.competenceId);
    const node = state?.frame.nodeById.get(ke.skillId);
    if (!state || !node) continue;
    state.posterior = updatePosterior(state.posterior, curveOf(node.discriminant, node.difficulty), ke.status === 'validated');
  }
  for (const answer of orderedAnswers) {
    const challenge = index.challengesById.get(answer.challengeId);
    const competenceId = challenge ? index.skillsById.get(challenge.skillId)?.competenceId : undefined;
    const state = competenceId ? competences.get(competenceId) : undefined;
    if (!challenge || !state || !targets.has(challenge.skillId)) continue;
    state.posterior = updatePosterior(state.posterior, curveOf(challenge.discriminant, challenge.difficulty), answer.result === 'ok');
    state.answeredCount++;
  }
  return { grid, competences, previousKnowledgeElements: previous, directKnowledgeElements: direct, contested: evidence.contested, answersBySkill: evidence.answersBySkill, curveOf };
}
