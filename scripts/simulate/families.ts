/**
 * Learner families of `npm run simulate` (issue 14, item 2): learners the engines do not all assume.
 *
 * A simulated learner is (1) the set of skills they truly master, whose §2.2 score (masteredScore,
 * canonical order) is the ground truth, and (2) an AnswerPolicy: how they answer a challenge, from the
 * challenge, the run's random source and their past answers. Every learner takes one competence
 * evaluation on a competence drawn uniformly among the playable ones (except `steps`, which covers each
 * one). Families:
 *
 * - `today`: the historical learners: uniform level, θ uniform in its band, independent 2PL answers
 *   P = g + (1 − g − s)·σ(a(θ − b)); mastered = skills with b ≤ θ. Same random draws as before the
 *   families existed, so its numbers are the top-level `engines` of the JSON summary.
 * - `tubeHeterogeneous`: θ_c drawn as today, then one ability per tube θ_t = θ_c + d_t,
 *   d_t ~ N(0, 1.35²) (about 1.5 levels: calibrated difficulties are −2.25 + 0.9·k for level k);
 *   2PL answers at θ_t; mastered = skills with b ≤ θ_t of their tube.
 * - `college`: a collège population, level weights COLLEGE_LEVEL_WEIGHTS restricted to the levels the
 *   competence can give (renormalised), θ uniform in the band, 2PL independent answers.
 * - `correlated`: θ as today; each skill is mastered or not by one draw at creation,
 *   P = σ(a_s(θ − b_s)) (a_s = mean discriminant of its operative challenges); a challenge of a
 *   mastered skill is right with P 1 − s, of another with P g: two challenges of one skill agree.
 * - `skippers`: every answer is « Je passe » (#ABAND#, result `aband`); nothing mastered.
 * - `experts`: every answer right; every skill mastered.
 * - `steps`: noiseless step learners: for each playable competence and each L in 0..7, one learner
 *   masters exactly the skills of level ≤ L in their tube (skill.level) and answers right iff the
 *   challenge's skill is mastered. Not drawn: every (competence, L) once per seed.
 */
import type { PackIndex } from '../../shared/src/model/pack-index';
import { isOperative } from '../../shared/src/model/pix-values';
import type { Challenge } from '../../shared/src/model/types';
import { createRng, type Rng } from '../../shared/src/random/seeded-rng';
import { drawTrueTheta, skillsUpTo, twoPlPolicy, type AnswerPolicy, type CompetenceModel, type LevelBand } from './learner';

export const FAMILY_NAMES = ['today', 'tubeHeterogeneous', 'college', 'correlated', 'skippers', 'experts', 'steps'] as const;
export type FamilyName = (typeof FAMILY_NAMES)[number];

export const FAMILY_LABELS: Record<FamilyName, string> = {
  today: 'Apprenants actuels (un θ par compétence, 2PL indépendant, niveaux uniformes)',
  tubeHeterogeneous: 'Sujets hétérogènes (un θ par sujet, écart-type 1,35 autour de celui de la compétence)',
  college: 'Population de collège (surtout niveaux 1 à 3)',
  correlated: 'Réponses corrélées sur un même acquis (acquis maîtrisé ou non, tiré une fois)',
  skippers: 'Toujours « Je passe »',
  experts: 'Experts (toujours juste)',
  steps: 'Paliers sans bruit (tout jusqu’au niveau L, rien au-dessus, L = 0..7)',
};

export function isFamilyName(name: string): name is FamilyName {
  return (FAMILY_NAMES as readonly string[]).includes(name);
}

/** Standard deviation of a tube's ability around the competence's (tubeHeterogeneous). */
export const TUBE_ABILITY_SD = 1.35;

/** Share of each true level in a collège population (college family), before restriction. */
export const COLLEGE_LEVEL_WEIGHTS: Readonly<Record<number, number>> = { 0: 0.08, 1: 0.25, 2: 0.32, 3: 0.22, 4: 0.09, 5: 0.03, 6: 0.01 };

/** Step learners' L: every skill of level ≤ L mastered, none above. */
export const STEP_LEVELS = [0, 1, 2, 3, 4, 5, 6, 7] as const;

export interface SimulatedLearner {
  /** also the assessment id's prefix, which seeds the engines' deterministic picks */
  learnerId: string;
  model: CompetenceModel;
  /** skills of the model the learner truly masters: the ground truth is their §2.2 score */
  mastered: ReadonlySet<string>;
  answer: AnswerPolicy;
  /** the learner's random source: each engine's run answers with rng.fork(engine.key) */
  rng: Rng;
  /** steps only: the learner's L */
  stepLevel?: number;
}

export interface FamilyContext {
  index: PackIndex;
  /** playable competences (at least one skill), pack order */
  models: CompetenceModel[];
  seed: number;
  /** learners per seed; `steps` ignores it (models.length × 8 learners) */
  learners: number;
  guess: number;
  slip: number;
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** Mean discriminant of a skill's operative challenges (1 when it has none). */
export function meanDiscriminant(index: PackIndex, skillId: string): number {
  const challenges = (index.challengesBySkillId.get(skillId) ?? []).filter(isOperative);
  if (challenges.length === 0) return 1;
  return challenges.reduce((sum, c) => sum + c.discriminant, 0) / challenges.length;
}

/** A band drawn with COLLEGE_LEVEL_WEIGHTS restricted to the model's levels; θ uniform inside it. */
export function drawCollegeTheta(model: CompetenceModel, rng: Rng): number {
  const weightOf = (band: LevelBand): number => COLLEGE_LEVEL_WEIGHTS[band.level] ?? 0;
  const total = model.bands.reduce((sum, band) => sum + weightOf(band), 0);
  let band = model.bands[model.bands.length - 1];
  if (total <= 0) {
    band = model.bands[rng.nextInt(model.bands.length)];
  } else {
    let u = rng.nextFloat() * total;
    for (const candidate of model.bands) {
      u -= weightOf(candidate);
      if (u < 0) {
        band = candidate;
        break;
      }
    }
  }
  return band.from + rng.nextFloat() * (band.to - band.from);
}

type Draw = (model: CompetenceModel, rng: Rng, ctx: FamilyContext) => Pick<SimulatedLearner, 'mastered' | 'answer'>;

function uniformTheta(model: CompetenceModel, ctx: FamilyContext, theta: number): Pick<SimulatedLearner, 'mastered' | 'answer'> {
  return { mastered: skillsUpTo(model, theta), answer: twoPlPolicy(() => theta, ctx.guess, ctx.slip) };
}

const DRAWS: Record<Exclude<FamilyName, 'steps'>, Draw> = {
  today: (model, rng, ctx) => uniformTheta(model, ctx, drawTrueTheta(model, rng)),
  college: (model, rng, ctx) => uniformTheta(model, ctx, drawCollegeTheta(model, rng)),
  tubeHeterogeneous: (model, rng, ctx) => {
    const competenceTheta = drawTrueTheta(model, rng);
    const thetaByTube = new Map<string, number>();
    for (const skill of model.skills) {
      if (!thetaByTube.has(skill.tubeId)) thetaByTube.set(skill.tubeId, competenceTheta + TUBE_ABILITY_SD * rng.normal());
    }
    const thetaBySkill = new Map(model.skills.map((s) => [s.id, thetaByTube.get(s.tubeId) ?? competenceTheta]));
    const mastered = new Set(model.skills.filter((s) => (model.difficultyBySkill.get(s.id) ?? Infinity) <= (thetaBySkill.get(s.id) ?? -Infinity)).map((s) => s.id));
    const thetaOf = (challenge: Challenge): number => {
      const own = thetaBySkill.get(challenge.skillId);
      if (own !== undefined) return own;
      const tubeId = ctx.index.skillsById.get(challenge.skillId)?.tubeId;
      return (tubeId !== undefined ? thetaByTube.get(tubeId) : undefined) ?? Number.NEGATIVE_INFINITY;
    };
    return { mastered, answer: twoPlPolicy(thetaOf, ctx.guess, ctx.slip) };
  },
  correlated: (model, rng, ctx) => {
    const theta = drawTrueTheta(model, rng);
    const mastered = new Set<string>();
    for (const skill of model.skills) {
      const b = model.difficultyBySkill.get(skill.id) ?? Infinity;
      if (rng.nextFloat() < logistic(meanDiscriminant(ctx.index, skill.id) * (theta - b))) mastered.add(skill.id);
    }
    const answer: AnswerPolicy = (challenge, answerRng) =>
      answerRng.nextFloat() < (mastered.has(challenge.skillId) ? 1 - ctx.slip : ctx.guess) ? 'ok' : 'ko';
    return { mastered, answer };
  },
  skippers: () => ({ mastered: new Set(), answer: () => 'aband' }),
  experts: (model) => ({ mastered: new Set(model.skills.map((s) => s.id)), answer: () => 'ok' }),
};

/** The step learner of level L on a model: masters exactly the skills of level ≤ L, never errs. */
export function stepLearner(model: CompetenceModel, stepLevel: number, learnerId: string, rng: Rng): SimulatedLearner {
  const mastered = new Set(model.skills.filter((s) => s.level <= stepLevel).map((s) => s.id));
  return { learnerId, model, mastered, answer: (challenge) => (mastered.has(challenge.skillId) ? 'ok' : 'ko'), rng, stepLevel };
}

/** Random root of a family for one seed; `today` keeps the historical one. */
export function familyRoot(name: FamilyName, seed: number): Rng {
  return createRng(name === 'today' ? `simulate:${seed}` : `simulate:${seed}:${name}`);
}

/** The learners of one family for one seed (reproducible: same context, same learners). */
export function* familyLearners(name: FamilyName, ctx: FamilyContext): Generator<SimulatedLearner> {
  const root = familyRoot(name, ctx.seed);
  if (name === 'steps') {
    for (const model of ctx.models) {
      for (const stepLevel of STEP_LEVELS) {
        const learnerId = `steps-${ctx.seed}-${model.competenceId}-L${stepLevel}`;
        yield stepLearner(model, stepLevel, learnerId, root.fork(learnerId));
      }
    }
    return;
  }
  const draw = DRAWS[name];
  for (let i = 0; i < ctx.learners; i++) {
    const rng = root.fork(`learner-${i}`);
    const model = ctx.models[rng.nextInt(ctx.models.length)];
    yield { learnerId: name === 'today' ? `learner-${i}` : `${name}-learner-${i}`, model, rng, ...draw(model, rng, ctx) };
  }
}
