/**
 * Simulated learners. A learner has a true ability θ on one competence and answers a challenge of
 * difficulty b and discriminant a correctly with P = g + (1 − g − s)·σ(a·(θ − b)) (guess g, slip s).
 * Their TRUE level is what the scoring rules give when every skill whose b ≤ θ is validated
 * (b of a skill = mean difficulty of its challenges). θ is drawn level by level (uniform level among
 * those the competence can give, then uniform θ inside that level's band) so true levels cover 0..6.
 */
import type { PackIndex } from '../../shared/src/model/pack-index';
import { isOperative } from '../../shared/src/model/pix-values';
import type { Challenge, KnowledgeElement, Skill } from '../../shared/src/model/types';
import type { Rng } from '../../shared/src/random/seeded-rng';
import { competenceScore, type CompetenceScore } from '../../shared/src/scoring/competence-score';

export interface LevelBand {
  level: number;
  from: number;
  to: number;
}

export interface CompetenceModel {
  competenceId: string;
  /** active skills with an operative challenge, pack order */
  skills: Skill[];
  /** skill id → b */
  difficultyBySkill: Map<string, number>;
  bands: LevelBand[];
}

export function answerProbability(theta: number, challenge: Pick<Challenge, 'difficulty' | 'discriminant'>, guess: number, slip: number): number {
  const logistic = 1 / (1 + Math.exp(-challenge.discriminant * (theta - challenge.difficulty)));
  return guess + (1 - guess - slip) * logistic;
}

/** What a simulated learner does with a challenge: right, wrong, or « Je passe ». */
export type AnswerResult = 'ok' | 'ko' | 'aband';

export interface PastAnswer {
  challenge: Challenge;
  result: AnswerResult;
}

/**
 * How a simulated learner answers: a function of the challenge, the random source of this run and the
 * learner's previous answers in the same assessment (oldest first).
 */
export type AnswerPolicy = (challenge: Challenge, rng: Rng, past: readonly PastAnswer[]) => AnswerResult;

/** Independent 2PL answers at the ability `thetaOf(challenge)`: one draw of `rng` per answer. */
export function twoPlPolicy(thetaOf: (challenge: Challenge) => number, guess: number, slip: number): AnswerPolicy {
  return (challenge, rng) => (rng.nextFloat() < answerProbability(thetaOf(challenge), challenge, guess, slip) ? 'ok' : 'ko');
}

export function validatedKnowledgeElements(skills: Skill[], userId: string): KnowledgeElement[] {
  return skills.map((skill) => ({
    id: `truth:${skill.id}`, createdAt: '2025-01-01T00:00:00.000Z', source: 'direct', status: 'validated', earnedPix: skill.pixValue,
    answerId: 'truth', assessmentId: 'truth', skillId: skill.id, userId, competenceId: skill.competenceId,
  }));
}

/**
 * competenceScore of KEs taken in skill-id order. Pix values such as 8/3 do not add up exactly in
 * floating point and the sum is floored, so the same set of KEs in another order can lose a pix (and
 * a level). A canonical order makes the truth and the engines' results comparable.
 */
export function scoreOf(kes: KnowledgeElement[], competenceId: string, maxReachableLevel: number): CompetenceScore {
  const ordered = [...kes].sort((a, b) => (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0));
  return competenceScore(ordered, competenceId, { maxReachableLevel });
}

/** The score §2.2 gives to the skills of the model the learner truly masters (canonical order). */
export function masteredScore(model: CompetenceModel, masteredSkillIds: ReadonlySet<string>, maxReachableLevel: number): CompetenceScore {
  const mastered = model.skills.filter((s) => masteredSkillIds.has(s.id));
  return scoreOf(validatedKnowledgeElements(mastered, 'learner'), model.competenceId, maxReachableLevel);
}

/** Skills of the model whose b ≤ θ. */
export function skillsUpTo(model: CompetenceModel, theta: number): Set<string> {
  return new Set(model.skills.filter((s) => (model.difficultyBySkill.get(s.id) ?? Infinity) <= theta).map((s) => s.id));
}

export function trueScore(model: CompetenceModel, theta: number, maxReachableLevel: number): CompetenceScore {
  return masteredScore(model, skillsUpTo(model, theta), maxReachableLevel);
}

/**
 * `onlySkillIds` restricts the model to some skills (a campaign's): the true level is then what the
 * same scoring rule gives on those skills only.
 */
export function competenceModel(index: PackIndex, competenceId: string, maxReachableLevel: number, onlySkillIds?: ReadonlySet<string>): CompetenceModel {
  const difficultyBySkill = new Map<string, number>();
  const skills: Skill[] = [];
  for (const skill of index.skillsByCompetenceId.get(competenceId) ?? []) {
    if (onlySkillIds && !onlySkillIds.has(skill.id)) continue;
    const challenges = (index.challengesBySkillId.get(skill.id) ?? []).filter(isOperative);
    if (skill.status !== 'actif' || challenges.length === 0) continue;
    skills.push(skill);
    // Rounded so that equal difficulties do not differ by a float ulp (which would split a level).
    const b = challenges.reduce((sum, c) => sum + c.difficulty, 0) / challenges.length;
    difficultyBySkill.set(skill.id, Math.round(b * 1e9) / 1e9);
  }
  const model: CompetenceModel = { competenceId, skills, difficultyBySkill, bands: [] };
  const breakpoints = [...new Set(difficultyBySkill.values())].sort((a, b) => a - b);
  if (breakpoints.length === 0) return model;
  const segments: LevelBand[] = [{ level: 0, from: breakpoints[0] - 1, to: breakpoints[0] }];
  breakpoints.forEach((b, k) => {
    const to = k + 1 < breakpoints.length ? breakpoints[k + 1] : b + 1;
    segments.push({ level: trueScore(model, b, maxReachableLevel).level, from: b, to });
  });
  // Levels grow with θ, so each level is one contiguous band.
  for (const segment of segments) {
    const last = model.bands[model.bands.length - 1];
    if (last && last.level === segment.level) last.to = segment.to;
    else model.bands.push({ ...segment });
  }
  return model;
}

export function drawTrueTheta(model: CompetenceModel, rng: Rng): number {
  const band = model.bands[rng.nextInt(model.bands.length)];
  return band.from + rng.nextFloat() * (band.to - band.from);
}
