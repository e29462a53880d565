/**
 * No unearned level on the shipped content pack (issue 14), for every competence and every engine: a pupil
 * who presses « Je passe » on every question of a competence evaluation is never congratulated and never
 * shown a level above 0, whatever the engine infers from the skips; one correct answer announces exactly
 * the level its competence reached, and nothing for another competence. Runs the engines as the device
 * does: nextChallenge for each step, assessmentKnowledgeElements after each answer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessmentKnowledgeElements } from '../../shared/src/engine/assessment-knowledge';
import { nextChallenge } from '../../shared/src/engine/next-challenge';
import { loadPack } from '../../shared/src/model/load-pack';
import type { PackIndex } from '../../shared/src/model/pack-index';
import type { AnswerEvent, AssessmentMethod, KnowledgeElement } from '../../shared/src/model/types';
import { levelUpAfterAnswer, type LevelUp } from '../../shared/src/scoring/level-up';
import { scorecards } from '../../shared/src/scoring/scorecards';
import { competenceSkillIds } from '../../shared/src/scoring/user-knowledge';
import { buildAnswer } from '../../shared/src/testing/builders';
import { buildPack } from './build-pack';
import { PACK_FILE } from '../lib/pwa-build';

const ROOT = resolve(import.meta.dirname, '../..');

/** content/dist/pack.json (what the node serves), compiled from content/ when it was not built. */
function shippedIndex(): PackIndex {
  const file = join(ROOT, PACK_FILE);
  const raw: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : JSON.parse(JSON.stringify(buildPack(join(ROOT, 'content'), join(ROOT, 'public')).pack));
  const loaded = loadPack(raw);
  if (!loaded.ok) throw new Error(`paquet de contenu invalide : ${loaded.errors.slice(0, 3).map((e) => `${e.path} ${e.message}`).join(' ; ')}`);
  return loaded.index;
}

const index = shippedIndex();
const ENGINES: AssessmentMethod[] = ['SMART_RANDOM', 'BAYES', 'FLASH'];
const competences = [...index.pack.competences].sort((a, b) => a.index.localeCompare(b.index, 'fr', { numeric: true }));
const MAX_ANSWERS = 200;

interface StepSeen {
  result: AnswerEvent['result'];
  levelUp: LevelUp | null;
  /** the level of every competence shown after the answer (scorecards) */
  levels: Map<string, number>;
}

/** Runs a competence evaluation to its end; `resultOf(n)` is the result of the n-th answer (0-based). */
function runEvaluation(method: AssessmentMethod, competenceId: string, resultOf: (n: number) => AnswerEvent['result']): StepSeen[] {
  const assessment = { id: `eval-${method}-${competenceId}`, userId: 'pupil', method };
  const targetSkillIds = competenceSkillIds(index, competenceId);
  const answers: AnswerEvent[] = [];
  let kes: KnowledgeElement[] = [];
  const seen: StepSeen[] = [];
  for (let n = 0; n < MAX_ANSWERS; n++) {
    const step = nextChallenge(index, { assessmentId: assessment.id, userId: assessment.userId, targetSkillIds, previousKnowledgeElements: [], method }, answers);
    if (step.done) return seen;
    const result = resultOf(n);
    const answer = buildAnswer({
      id: `${assessment.id}-${n}`, userId: assessment.userId, assessmentId: assessment.id, challengeId: step.challenge.id, result,
      value: result === 'aband' ? '#ABAND#' : '1', createdAt: new Date(Date.UTC(2026, 0, 5, 9, 0, n)).toISOString(),
    });
    const before = { knowledgeElements: kes, answers: [...answers] };
    answers.push(answer);
    kes = assessmentKnowledgeElements(index, { assessment, targetSkillIds, previousKnowledgeElements: [], answers });
    const after = { knowledgeElements: kes, answers: [...answers] };
    seen.push({
      result,
      levelUp: levelUpAfterAnswer(index, { answer, before, after }),
      levels: new Map(scorecards(index, kes, { answers }).map((card) => [card.competenceId, card.level])),
    });
  }
  throw new Error(`${method} ${competenceId} : pas fini après ${MAX_ANSWERS} réponses`);
}

describe.each(ENGINES)('shipped pack, %s engine', (method) => {
  it.each(competences.map((c) => [c.index, c.id]))('%s: a pupil who skips every question sees no level-up and level 0 everywhere', (_, competenceId) => {
    const seen = runEvaluation(method, competenceId, () => 'aband');
    expect(seen.length).toBeGreaterThan(0);
    seen.forEach((step, n) => {
      expect(step.levelUp, `réponse ${n + 1}`).toBeNull();
      expect([...step.levels.entries()].filter(([, level]) => level !== 0), `réponse ${n + 1}`).toEqual([]);
    });
  });
});

describe('shipped pack, one correct answer among skips', () => {
  const announced = new Map<string, number>();
  const cases = ENGINES.flatMap((method) => [0, 2].map((position) => [method, position] as const));
  it.each(cases)('%s, correct answer n° %i (0-based): it announces exactly its competence\'s reached level, nothing else does', (method, position) => {
    let count = 0;
    for (const competence of competences) {
      const seen = runEvaluation(method, competence.id, (n) => (n === position ? 'ok' : 'aband'));
      seen.forEach((step, n) => {
        // no other competence shows a level at any point
        expect([...step.levels.entries()].filter(([id, level]) => id !== competence.id && level !== 0), `${competence.index}, réponse ${n + 1}`).toEqual([]);
        if (n < position) expect(step.levels.get(competence.id), `${competence.index}, réponse ${n + 1}`).toBe(0);
        if (n !== position) {
          expect(step.levelUp, `${competence.index}, réponse ${n + 1}`).toBeNull();
          return;
        }
        const reached = step.levels.get(competence.id) ?? 0;
        expect(step.levelUp, competence.index).toEqual(reached > 0 ? { competenceId: competence.id, level: reached } : null);
        if (step.levelUp) count++;
      });
    }
    announced.set(`${method}/${position}`, count);
  });

  it('announcements are exercised, not only their absence', () => {
    // with the shipped pack, one correct answer reaches level 1 or more in some competences (Bayes: all 16)
    expect([...announced.values()].reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
  });
});
