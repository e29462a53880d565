/**
 * The « Félicitations ! Vous avez atteint le niveau N » banner of a test. The rule is shared/'s
 * (scoring/level-up.ts): only right after a correct answer, for its competence, for the level it reached.
 * This module keeps what only the page knows:
 * - which answer the pupil submitted on this page: nothing is pending when the page loads, so a reload,
 *   or answers synced from another device, never announce anything;
 * - the record before that answer (its KEs and answers), compared with the record once the answer is in;
 * - the screen the banner belongs to, the one shown after the answer: it closes when another screen
 *   (the next challenge) shows, or when the pupil closes it.
 */
import { useCallback, useEffect, useReducer } from 'react';
import type { PackIndex } from '../../../../shared/src/model/pack-index';
import type { AnswerEvent, KnowledgeElement } from '../../../../shared/src/model/types';
import { levelUpAfterAnswer, type KnowledgeSnapshot } from '../../../../shared/src/scoring/level-up';

/** An answer the pupil submitted on this page, not yet in the local record. */
export interface Submission {
  assessmentId: string;
  challengeId: string;
  /** the answers already recorded when it was submitted (the new one is the one not among them) */
  knownAnswerIds: ReadonlySet<string>;
  before: KnowledgeSnapshot;
}

export interface Banner {
  competenceId: string;
  level: number;
  /** the screen shown after the answer, the only one the banner shows on */
  screen: string;
}

export interface LevelUpState {
  submission: Submission | null;
  banner: Banner | null;
}

export type LevelUpEvent =
  | { type: 'submitted'; submission: Submission }
  /** the local record as the page renders it, and the screen it shows */
  | { type: 'record'; index: PackIndex; answers: AnswerEvent[]; knowledgeElements: KnowledgeElement[]; screen: string }
  | { type: 'closed' };

export const INITIAL_LEVEL_UP: LevelUpState = { submission: null, banner: null };

export function levelUpReducer(state: LevelUpState, event: LevelUpEvent): LevelUpState {
  switch (event.type) {
    case 'submitted':
      return { ...state, submission: event.submission };
    case 'closed':
      return state.banner ? { ...state, banner: null } : state;
    case 'record': {
      const { submission } = state;
      if (!submission) return state;
      const answer = event.answers.find(
        (a) => a.assessmentId === submission.assessmentId && a.challengeId === submission.challengeId && !submission.knownAnswerIds.has(a.id),
      );
      if (!answer) return state;
      const levelUp = levelUpAfterAnswer(event.index, {
        answer,
        before: submission.before,
        after: { knowledgeElements: event.knowledgeElements, answers: event.answers },
      });
      return { submission: null, banner: levelUp ? { ...levelUp, screen: event.screen } : null };
    }
  }
}

/** The banner to show on `screen`, if any. */
export function visibleBanner(state: LevelUpState, screen: string): Banner | null {
  return state.banner && state.banner.screen === screen ? state.banner : null;
}

export interface LevelUpBanner {
  banner: Banner | null;
  /** call before saving an answer to `challengeId` */
  submitted: (assessmentId: string, challengeId: string) => void;
  close: () => void;
}

/** The banner of the page showing `screen`, from the pupil's local record. */
export function useLevelUpBanner(input: { index: PackIndex | null; answers: AnswerEvent[]; knowledgeElements: KnowledgeElement[]; screen: string }): LevelUpBanner {
  const { index, answers, knowledgeElements, screen } = input;
  const [state, dispatch] = useReducer(levelUpReducer, INITIAL_LEVEL_UP);
  useEffect(() => {
    if (index) dispatch({ type: 'record', index, answers, knowledgeElements, screen });
  }, [index, answers, knowledgeElements, screen]);
  const submitted = useCallback(
    (assessmentId: string, challengeId: string) =>
      dispatch({
        type: 'submitted',
        submission: { assessmentId, challengeId, knownAnswerIds: new Set(answers.map((a) => a.id)), before: { knowledgeElements, answers } },
      }),
    [answers, knowledgeElements],
  );
  const close = useCallback(() => dispatch({ type: 'closed' }), []);
  return { banner: visibleBanner(state, screen), submitted, close };
}
