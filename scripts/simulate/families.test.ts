import { describe, expect, it } from 'vitest';
import { createRng } from '../../shared/src/random/seeded-rng';
import { buildIndex } from '../../shared/src/testing/builders';
import {
  COLLEGE_LEVEL_WEIGHTS, FAMILY_NAMES, STEP_LEVELS, familyLearners, stepLearner,
  type FamilyContext, type FamilyName, type SimulatedLearner,
} from './families';
import { competenceModel, drawTrueTheta, masteredScore, skillsUpTo, trueScore } from './learner';

// Two tubes 1..6 (8 pix per level, levels 0..6) and one competence whose tubes stop at 3 and 5.
const index = buildIndex({
  competences: [
    { index: '1.1', tubes: [{ name: '@a', levels: [1, 2, 3, 4, 5, 6] }, { name: '@b', levels: [1, 2, 3, 4, 5, 6] }] },
    { index: '2.1', tubes: [{ name: '@c', levels: [1, 2, 3] }, { name: '@d', levels: [1, 2, 3, 4, 5] }, { name: '@e', levels: [2, 3, 4] }] },
  ],
});
const models = ['competence-1-1', 'competence-2-1'].map((id) => competenceModel(index, id, 6));
const context = (learners: number, overrides: Partial<FamilyContext> = {}): FamilyContext => ({ index, models, seed: 1, learners, guess: 0.1, slip: 0.05, ...overrides });
const learnersOf = (name: FamilyName, learners: number, overrides: Partial<FamilyContext> = {}): SimulatedLearner[] => [...familyLearners(name, context(learners, overrides))];
const truthOf = (learner: SimulatedLearner) => masteredScore(learner.model, learner.mastered, 6);
const challengesOf = (model: (typeof models)[number]) => model.skills.flatMap((s) => index.challengesBySkillId.get(s.id) ?? []);

describe('learner families', () => {
  it.each(FAMILY_NAMES)('%s: reproducible, one competence model per learner', (name) => {
    const a = learnersOf(name, 30);
    const b = learnersOf(name, 30);
    expect(a.map((l) => [l.learnerId, l.model.competenceId, [...l.mastered]])).toEqual(b.map((l) => [l.learnerId, l.model.competenceId, [...l.mastered]]));
    for (const learner of a) expect(models).toContain(learner.model);
  });

  it('today: exactly the historical draws (competence, θ, truth from b ≤ θ)', () => {
    const root = createRng('simulate:1');
    learnersOf('today', 50).forEach((learner, i) => {
      const rng = root.fork(`learner-${i}`);
      const model = models[rng.nextInt(models.length)];
      const theta = drawTrueTheta(model, rng);
      expect(learner.learnerId).toBe(`learner-${i}`);
      expect(learner.model).toBe(model);
      expect([...learner.mastered]).toEqual([...skillsUpTo(model, theta)]);
      expect(truthOf(learner)).toEqual(trueScore(model, theta, 6));
    });
  });

  it('steps: every (competence, L) once; L masters exactly the skills of level ≤ L and answers right iff mastered', () => {
    const steps = learnersOf('steps', 1);
    expect(steps).toHaveLength(models.length * STEP_LEVELS.length);
    expect(new Set(steps.map((l) => `${l.model.competenceId}/${l.stepLevel}`)).size).toBe(steps.length);
    const rng = createRng('unused');
    for (const learner of steps) {
      const level = learner.stepLevel ?? -1;
      expect(learner.model.skills.filter((s) => learner.mastered.has(s.id)).map((s) => s.id)).toEqual(learner.model.skills.filter((s) => s.level <= level).map((s) => s.id));
      for (const challenge of challengesOf(learner.model)) {
        expect(learner.answer(challenge, rng, [])).toBe((index.skillsById.get(challenge.skillId)?.level ?? 9) <= level ? 'ok' : 'ko');
      }
    }
    const onTwoFullTubes = steps.filter((l) => l.model.competenceId === 'competence-1-1');
    expect(onTwoFullTubes.map((l) => truthOf(l).level)).toEqual([0, 1, 2, 3, 4, 5, 6, 6]);
  });

  it('steps: L = 2 on the two-tube competence masters @a1, @a2, @b1, @b2', () => {
    const learner = stepLearner(models[0], 2, 'l', createRng('x'));
    expect([...learner.mastered].sort()).toEqual(['skill-a1', 'skill-a2', 'skill-b1', 'skill-b2']);
    expect(truthOf(learner).level).toBe(2);
  });

  it('skippers: nothing mastered (level 0, 0 pix), every answer is « Je passe »', () => {
    const rng = createRng('s');
    for (const learner of learnersOf('skippers', 20)) {
      expect(truthOf(learner)).toMatchObject({ level: 0, pix: 0 });
      for (const challenge of challengesOf(learner.model)) expect(learner.answer(challenge, rng, [])).toBe('aband');
    }
  });

  it('experts: every skill mastered (the competence maximum), every answer right', () => {
    const rng = createRng('e');
    for (const learner of learnersOf('experts', 20)) {
      expect(truthOf(learner)).toEqual(trueScore(learner.model, Number.POSITIVE_INFINITY, 6));
      for (const challenge of challengesOf(learner.model)) expect(learner.answer(challenge, rng, [])).toBe('ok');
    }
    expect(truthOf(stepLearner(models[0], 7, 'x', rng)).level).toBe(6);
  });

  it('college: the true-level histogram follows the weights', () => {
    const learners = learnersOf('college', 8000, { models: [models[0]] });
    const counts = new Map<number, number>();
    for (const learner of learners) counts.set(truthOf(learner).level, (counts.get(truthOf(learner).level) ?? 0) + 1);
    for (const [level, weight] of Object.entries(COLLEGE_LEVEL_WEIGHTS)) {
      expect((counts.get(Number(level)) ?? 0) / learners.length).toBeCloseTo(weight, 1);
      expect(Math.abs((counts.get(Number(level)) ?? 0) / learners.length - weight)).toBeLessThan(0.015);
    }
  });

  it('college: weights restricted to the levels a competence has, renormalised', () => {
    // competence 2.1 tops out below level 6: its learners never get a level it cannot give
    const levels = new Set(models[1].bands.map((b) => b.level));
    const learners = learnersOf('college', 3000, { models: [models[1]] });
    for (const learner of learners) expect(levels.has(truthOf(learner).level)).toBe(true);
    const total = [...levels].reduce((sum, level) => sum + (COLLEGE_LEVEL_WEIGHTS[level] ?? 0), 0);
    const atOne = learners.filter((l) => truthOf(l).level === 1).length / learners.length;
    expect(Math.abs(atOne - COLLEGE_LEVEL_WEIGHTS[1] / total)).toBeLessThan(0.03);
  });

  it('tubeHeterogeneous: mastery is a level prefix inside each tube, tubes of one learner differ, answers follow mastery', () => {
    const learners = learnersOf('tubeHeterogeneous', 400, { guess: 0, slip: 0 });
    let differing = 0;
    const rates = { mastered: [0, 0], other: [0, 0] };
    const rng = createRng('t');
    for (const learner of learners) {
      const topByTube = new Map<string, number>();
      for (const tube of new Set(learner.model.skills.map((s) => s.tubeId))) {
        const skills = learner.model.skills.filter((s) => s.tubeId === tube);
        const flags = skills.map((s) => learner.mastered.has(s.id));
        // mastered skills are the easiest ones of the tube
        expect(flags).toEqual([...flags].sort((x, y) => Number(y) - Number(x)));
        topByTube.set(tube, flags.filter(Boolean).length);
      }
      if (new Set(topByTube.values()).size > 1) differing++;
      for (const challenge of challengesOf(learner.model)) {
        const bucket = learner.mastered.has(challenge.skillId) ? rates.mastered : rates.other;
        bucket[0] += learner.answer(challenge, rng, []) === 'ok' ? 1 : 0;
        bucket[1] += 1;
      }
    }
    expect(differing / learners.length).toBeGreaterThan(0.5);
    expect(rates.mastered[0] / rates.mastered[1]).toBeGreaterThan(0.7);
    expect(rates.other[0] / rates.other[1]).toBeLessThan(0.3);
  });

  it('correlated: two challenges of one skill agree more often than with independent 2PL answers', () => {
    const agreement = (name: FamilyName): number => {
      let agree = 0;
      let pairs = 0;
      learnersOf(name, 600).forEach((learner, i) => {
        const rng = createRng(`pair-${i}`);
        for (const skill of learner.model.skills) {
          const [first, second] = index.challengesBySkillId.get(skill.id) ?? [];
          if (!first || !second) continue;
          const a = learner.answer(first, rng, []);
          const b = learner.answer(second, rng, [{ challenge: first, result: a }]);
          agree += a === b ? 1 : 0;
          pairs++;
        }
      });
      return agree / pairs;
    };
    const correlated = agreement('correlated');
    const independent = agreement('today');
    expect(correlated).toBeGreaterThan(0.85);
    expect(correlated - independent).toBeGreaterThan(0.05);
  });

  it('correlated: the truth is the drawn mastered skills; a mastered skill is answered right with P 1 − s, another with P g', () => {
    const learners = learnersOf('correlated', 300, { guess: 0.2, slip: 0.1 });
    const rng = createRng('c');
    const counts = { mastered: [0, 0], other: [0, 0] };
    for (const learner of learners) {
      for (const challenge of challengesOf(learner.model)) {
        const bucket = learner.mastered.has(challenge.skillId) ? counts.mastered : counts.other;
        for (let k = 0; k < 5; k++) {
          bucket[0] += learner.answer(challenge, rng, []) === 'ok' ? 1 : 0;
          bucket[1]++;
        }
      }
    }
    expect(counts.mastered[0] / counts.mastered[1]).toBeCloseTo(0.9, 1);
    expect(counts.other[0] / counts.other[1]).toBeCloseTo(0.2, 1);
    // not always a level prefix: some learner masters a skill without an easier one of its tube
    const nonPrefix = learners.some((l) => l.model.skills.some((s) => l.mastered.has(s.id) && l.model.skills.some((t) => t.tubeId === s.tubeId && t.level < s.level && !l.mastered.has(t.id))));
    expect(nonPrefix).toBe(true);
  });
});
