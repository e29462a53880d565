/**
 * The Bayesian engine's view of an assessment, recomputed from scratch on every call (no hidden state):
 * per competence, the tube model (frame), the decided skills (current KEs from every context, plus the
 * direct KE of every skill this assessment asked), the answers as observations of their tube, and the
 * posterior. Direct KEs written elsewhere are observations too (at the skill's mean calibration).
 */
import type { PackIndex } from '../../model/pack-index';
import type { AnswerEvent, KnowledgeElement } from '../../model/types';
import { DEFAULT_MAX_REACHABLE_LEVEL } from '../../scoring/competence-score';
import { buildKnowledgeElement, currentKnowledgeElements } from '../../scoring/knowledge-elements';
import type { EngineContext } from '../types';
import type { BayesConfig } from './bayes-config';
import { competenceFrames, type CompetenceFrame } from './tube-model';
import { allTubeMoments, competencePosterior, levelDistribution, tubePixTables, type CompetencePosterior, type Observation, type TubeMoments } from './tube-posterior';

export interface CompetenceState {
  frame: CompetenceFrame;
  /** skill → validated, for skills with a current KE from elsewhere or a direct KE of this assessment */
  decisions: Map<string, boolean>;
  /** skills assessed elsewhere (their KE is fixed, their pix counted in fixedPix) */
  fixed: Set<string>;
  fixedPix: number;
  pixTables: Float64Array[];
  /** every tube's pix moments under the current posterior */
  moments: TubeMoments[];
  observations: Observation[][];
  posterior: CompetencePosterior;
  /** answers of this assessment on the competence */
  answeredCount: number;
  /** a correct answer here, or a validated KE from elsewhere */
  hasSuccess: boolean;
}

export interface AssessmentState {
  competences: Map<string, CompetenceState>;
  /** current KEs on the target skills from other assessments */
  previousKnowledgeElements: KnowledgeElement[];
  /** direct KEs of this assessment: first answer of each target skill not assessed elsewhere */
  directKnowledgeElements: KnowledgeElement[];
}

/** What the Bayesian engine reads from the engine context. */
export type BayesContext = Pick<EngineContext, 'assessmentId' | 'userId' | 'targetSkillIds' | 'previousKnowledgeElements' | 'locale' | 'maxReachableLevel'>;

export function buildAssessmentState(index: PackIndex, context: BayesContext, orderedAnswers: AnswerEvent[], config: BayesConfig): AssessmentState {
  const targets = new Set(context.targetSkillIds);
  const frames = competenceFrames(index, context.targetSkillIds, context.maxReachableLevel ?? DEFAULT_MAX_REACHABLE_LEVEL, config, context.locale);
  const previous = currentKnowledgeElements(context.previousKnowledgeElements.filter((ke) => targets.has(ke.skillId)));
  const drafts = new Map<string, Omit<CompetenceState, 'pixTables' | 'posterior' | 'moments'>>();
  for (const frame of frames.values()) {
    drafts.set(frame.competenceId, {
      frame, decisions: new Map(), fixed: new Set(), fixedPix: 0, observations: frame.tubes.map(() => []), answeredCount: 0, hasSuccess: false,
    });
  }
  for (const ke of previous) {
    const state = drafts.get(ke.competenceId);
    const node = state?.frame.nodeById.get(ke.skillId);
    if (!state || !node) continue;
    const validated = ke.status === 'validated';
    state.decisions.set(ke.skillId, validated);
    state.fixed.add(ke.skillId);
    if (validated) {
      state.fixedPix += node.skill.pixValue;
      state.hasSuccess = true;
    }
    if (ke.source === 'direct' && ke.assessmentId !== context.assessmentId) {
      state.observations[node.tube].push({ discriminant: node.discriminant, difficulty: node.difficulty, ok: validated });
    }
  }
  const direct: KnowledgeElement[] = [];
  for (const answer of orderedAnswers) {
    const challenge = index.challengesById.get(answer.challengeId);
    const skill = challenge ? index.skillsById.get(challenge.skillId) : undefined;
    const state = skill ? drafts.get(skill.competenceId) : undefined;
    const node = skill ? state?.frame.nodeById.get(skill.id) : undefined;
    if (!challenge || !skill || !state || !node || !targets.has(skill.id)) continue;
    const ok = answer.result === 'ok';
    state.observations[node.tube].push({ discriminant: challenge.discriminant, difficulty: challenge.difficulty, ok });
    state.answeredCount++;
    if (ok) state.hasSuccess = true;
    // §2.1 step 1: the first answer on a skill not assessed yet writes its direct KE.
    if (!state.decisions.has(skill.id)) {
      state.decisions.set(skill.id, ok);
      direct.push(buildKnowledgeElement(answer, skill, 'direct', ok));
    }
  }
  const competences = new Map<string, CompetenceState>();
  for (const [id, draft] of drafts) {
    const pixTables = tubePixTables(draft.frame, draft.fixed);
    const posterior = competencePosterior(draft.frame, draft.observations);
    competences.set(id, { ...draft, pixTables, posterior, moments: allTubeMoments(posterior, pixTables) });
  }
  return { competences, previousKnowledgeElements: previous, directKnowledgeElements: direct };
}

/** P(true level = ℓ) of a competence under its current posterior. */
export function levelDistributionOf(competence: CompetenceState): Float64Array {
  return levelDistribution(competence.frame, competence.posterior.weights, competence.moments, competence.fixedPix);
}
