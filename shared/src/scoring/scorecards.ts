/**
 * The learner's profile: one scorecard per competence of the pack (16 for the CRCN), the total pix and
 * certifiability (§2.2, §2.4, §2.5).
 * Status: COMPLETED iff the latest competence evaluation of the competence is completed (and was not
 * reset since), STARTED if it is in progress or if the competence has knowledge elements (campaigns),
 * NOT_STARTED otherwise.
 * Pix and level count only in a competence with a correct answer (earned-level.ts): engines' inferences
 * alone never show a level.
 */
import type { PackIndex } from '../model/pack-index';
import type { Assessment, KnowledgeElement } from '../model/types';
import type { CompetenceScore, ScoringOptions } from './competence-score';
import { lastKnowledgeElementDate, remainingDaysBeforeImproving, remainingDaysBeforeReset } from './delays';
import { competencesWithCorrectAnswer, shownCompetenceScore, type EvidenceAnswer } from './earned-level';
import { currentKnowledgeElements } from './knowledge-elements';
import { type Instant, toMillis } from './time';

export const MINIMUM_CERTIFIABLE_COMPETENCES_FOR_CERTIFIABILITY = 5;
export const MINIMUM_COMPETENCE_LEVEL_FOR_CERTIFIABILITY = 1;

export type ScorecardStatus = 'NOT_STARTED' | 'STARTED' | 'COMPLETED';

export interface Scorecard extends CompetenceScore {
  competenceId: string;
  index: string;
  name: string;
  areaId: string;
  status: ScorecardStatus;
  /**
   * most recent current KE of the competence, resets excluded: null if nothing was answered, or nothing
   * since its last reset (a reset restarts neither delay, §2.4)
   */
  lastKnowledgeElementAt: string | null;
  /** only when `now` is given and lastKnowledgeElementAt is not null */
  remainingDaysBeforeReset: number | null;
  remainingDaysBeforeImproving: number | null;
}

export interface ScorecardOptions extends ScoringOptions {
  /** the learner's assessments; only COMPETENCE_EVALUATION ones matter */
  assessments?: Assessment[];
  now?: Instant;
  /** the learner's answers known here: a correct one earns its competence even without a direct KE */
  answers?: readonly EvidenceAnswer[];
}

function statusOf(competenceId: string, allKes: KnowledgeElement[], currentCount: number, assessments: Assessment[]): ScorecardStatus {
  const evaluations = assessments
    .filter((a) => a.type === 'COMPETENCE_EVALUATION' && a.competenceId === competenceId && a.state !== 'aborted')
    .sort((a, b) => toMillis(a.createdAt) - toMillis(b.createdAt));
  const latest = evaluations.at(-1);
  const lastReset = allKes
    .filter((ke) => ke.competenceId === competenceId && ke.status === 'reset')
    .reduce((max, ke) => Math.max(max, toMillis(ke.createdAt)), Number.NEGATIVE_INFINITY);
  // an evaluation created before the last reset belongs to the previous life of the competence
  if (latest && toMillis(latest.createdAt) >= lastReset) return latest.state === 'completed' ? 'COMPLETED' : 'STARTED';
  return currentCount > 0 ? 'STARTED' : 'NOT_STARTED';
}

/** Scorecards of every competence of the pack, in referential order. `kes` is the full KE history. */
export function scorecards(index: PackIndex, kes: KnowledgeElement[], opts: ScorecardOptions = {}): Scorecard[] {
  const current = currentKnowledgeElements(kes);
  const earned = competencesWithCorrectAnswer(index, kes, opts.answers);
  return [...index.pack.competences]
    .sort((a, b) => a.index.localeCompare(b.index, 'fr', { numeric: true }))
    .map((competence) => {
      const ofCompetence = current.filter((ke) => ke.competenceId === competence.id);
      const last = lastKnowledgeElementDate(ofCompetence);
      const status = statusOf(competence.id, kes, ofCompetence.length, opts.assessments ?? []);
      const now = opts.now;
      return {
        competenceId: competence.id,
        index: competence.index,
        name: competence.name,
        areaId: competence.areaId,
        ...shownCompetenceScore(ofCompetence, competence.id, earned, opts),
        status,
        lastKnowledgeElementAt: last,
        remainingDaysBeforeReset: now === undefined ? null : remainingDaysBeforeReset(last, now),
        remainingDaysBeforeImproving: now === undefined ? null : remainingDaysBeforeImproving(last, now),
      };
    });
}

/** Total pix score: sum of the (floored, capped) competence pix. */
export function totalPix(cards: Pick<Scorecard, 'pix'>[]): number {
  return cards.reduce((sum, card) => sum + card.pix, 0);
}

export function certifiableCompetencesCount(cards: Pick<Scorecard, 'level'>[]): number {
  return cards.filter((card) => card.level >= MINIMUM_COMPETENCE_LEVEL_FOR_CERTIFIABILITY).length;
}

/** Certifiable iff at least 5 competences at level ≥ 1 (§2.5). */
export function isCertifiable(cards: Pick<Scorecard, 'level'>[]): boolean {
  return certifiableCompetencesCount(cards) >= MINIMUM_CERTIFIABLE_COMPETENCES_FOR_CERTIFIABILITY;
}
