/**
 * Contract of the adaptive engines: what the caller gives (pack index, context, the assessment's
 * answers) and what it gets back (the next challenge or the end). Engines keep no hidden state: the
 * next step is recomputed from the answers, so any device holding the answers resumes the assessment.
 */
import type { AssessmentMethod, Challenge, KnowledgeElement } from '../model/types';
import type { FlashConfig } from './flash/flash-config';

export interface EngineContext {
  assessmentId: string;
  userId: string;
  /** skills the assessment measures, in pack order (the order matters for the deterministic pick) */
  targetSkillIds: string[];
  /** the learner's KE history from every context (knowledge reuse) */
  previousKnowledgeElements: KnowledgeElement[];
  /** e.g. "fr-fr"; a challenge matches its exact locale or its language ("fr"); undefined = any */
  locale?: string;
  /** SMART_RANDOM when absent; new assessments get the defaults of engine-choice.ts */
  method?: AssessmentMethod;
  maxReachableLevel?: number;
  /** flash settings overriding DEFAULT_FLASH_CONFIG (added field, engine-specific) */
  flash?: Partial<FlashConfig>;
}

export type EngineStep =
  | {
      done: false;
      challenge: Challenge;
      /** smart random: level θ (0.5..7.5, 2 before the first answer); flash: capacity θ */
      estimatedLevel: number;
      answeredCount: number;
      /** a checkpoint page follows the answer to this challenge */
      isCheckpointNext: boolean;
      /**
       * share of the assessment done, 0..1, when the engine can tell (Bayesian: how sure it is of each
       * competence's level); otherwise the share of target skills with a KE is shown
       */
      progress?: number;
    }
  | { done: true; answeredCount: number };
