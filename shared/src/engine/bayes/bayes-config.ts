/**
 * Settings of the Bayesian engine (ADR 0002, round 5: the tube model). A learner has an ability μ per
 * competence and, for every tube of it, their own ability θ_t = μ + δ_t with δ_t ~ N(0, τ²): tubes are
 * separate ladders of skills, tied to the competence by a hierarchical prior whose spread τ is itself
 * unknown (a mixture over `tubeSpreads`), so the engine learns from the answers whether this learner's
 * tubes move together (small τ) or not (large τ). A challenge of difficulty b and discriminant a is
 * answered right with P = guess + (1 − guess − slip)·σ(a·(θ_t − b)). A skill is mastered iff θ_t ≥ b
 * (its mean calibration): the true level is what §2.2 gives on the mastered skills.
 */
export interface BayesConfig {
  /** probability of a lucky success whatever the ability (the noisy learner's; see `noises`) */
  guess: number;
  /** probability of a failure despite mastery (the noisy learner's) */
  slip: number;
  /**
   * learners differ in how consistent they are: a mixture of response noises, each [guess, slip, factor
   * on the challenges' discriminant] with its prior weight; empty = only (guess, slip, 1). The first one
   * is the *consistent* learner (see `consistentUnsettledGain`)
   */
  noises: readonly (readonly [number, number, number])[];
  noiseWeights: readonly number[];
  /** grid points inside each band between two consecutive skill difficulties of a competence */
  pointsPerBand: number;
  /** width of the band below the easiest skill and above the hardest one */
  bandMargin: number;
  /** the tube spreads τ of the mixture, in difficulty units (0.9 = one level) */
  tubeSpreads: readonly number[];
  /** prior weight of each spread */
  tubeSpreadWeights: readonly number[];
  /**
   * prior of μ: Gaussian centred on the middle of the competence's difficulties, with this sd beyond half
   * their range (weakly informative; not any simulated population)
   */
  abilityPriorExtraSd: number;
  /** value of a settlement: P(exact) + this × P(within one level) */
  withinOneWeight: number;
  /** the reported level maximises P(exact) + this × P(within one level) */
  levelChoiceWeight: number;
  /** a competence is settled when its reported level is exact with this probability… */
  exactLevelConfidence: number;
  /** …and within one level with this probability */
  withinOneLevelConfidence: number;
  /** a settled competence closes when no answer is expected to raise P(exact) + withinOneWeight·P(±1) by more than this */
  continueGain: number;
  /** an unsettled one closes when no answer is expected to raise it by more than this (nothing left to learn)… */
  unsettledGain: number;
  /**
   * …moving to this one as the answers look consistent (posterior mass of the first noise): a consistent
   * learner is asked until the level is sure, a noisy one not asked what cannot help
   */
  consistentUnsettledGain: number;
  /**
   * weight of the expected reduction of the level's variance in a candidate's gain: one answer rarely
   * changes the reported level on its own (two tubes may have to agree), the variance sees it coming
   */
  informationWeight: number;
  minimumQuestionsPerCompetence: number;
  /**
   * a competence without any success closes after this many answers once one of its easiest skills
   * failed (the last of them is one of those); 0: only the gain rule
   */
  answersWithoutSuccess: number;
  /** safety net: never ask more than this many questions per competence */
  maximumQuestionsPerCompetence: number;
  /**
   * an inferred KE changed to reach the reported level must stay plausible: validated only with
   * P(mastered) ≥ this, invalidated only with P(mastered) ≤ 1 − this
   */
  inferenceFloor: number;
}

export const DEFAULT_BAYES_CONFIG: BayesConfig = {
  guess: 0.1,
  slip: 0.05,
  noises: [[0.02, 0.02, 4], [0.1, 0.05, 1]],
  noiseWeights: [0.5, 0.5],
  pointsPerBand: 2,
  bandMargin: 0.9,
  tubeSpreads: [0.05, 1.4],
  tubeSpreadWeights: [0.7, 0.3],
  abilityPriorExtraSd: 0.9,
  withinOneWeight: 0.5,
  levelChoiceWeight: 0.5,
  exactLevelConfidence: 0.8,
  withinOneLevelConfidence: 0.95,
  continueGain: 0.05,
  unsettledGain: 0.1,
  consistentUnsettledGain: 0.005,
  informationWeight: 1,
  minimumQuestionsPerCompetence: 1,
  answersWithoutSuccess: 3,
  maximumQuestionsPerCompetence: 20,
  inferenceFloor: 0.2,
};

export function bayesConfigOf(overrides: Partial<BayesConfig> = {}): BayesConfig {
  return { ...DEFAULT_BAYES_CONFIG, ...overrides };
}
