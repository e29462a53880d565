/**
 * How well can ANY engine do on the simulator? An exact dynamic programme over adaptive question
 * policies on one competence, for the issue-8 question "within one level at ≤ N questions on average".
 *
 * The planner is given every advantage the product does not have: it may ask any calibrated
 * difficulty of the competence as often as it likes (a skill may be asked again, every challenge is
 * at the most discriminating calibration `discriminant`, no timing or checkpoint rule), and it reports
 * any level it likes (not the one its KEs give). The learners are the simulator's: uniform level, θ
 * uniform in the level's band (quadrature of `pointsPerBand` points), answers P = g + (1 − g − s)·σ(a(θ − b)).
 *
 * Lagrangian form: with a price λ per question, V(λ) = max over policies of E[within one] − λ·E[questions].
 * For every policy, E[within one] ≤ V(λ) + λ·E[questions], so min over λ of V(λ) + λ·N bounds what any
 * engine gets with N questions on average. The state is the multiset of (difficulty, outcome) pairs —
 * the posterior does not depend on their order — and the search stops at `depth` questions:
 * - `optimistic`: reaching `depth` is credited as if one more question gave the level for sure, so
 *   V is an upper bound (what the bound uses);
 * - `achievable`: a policy that must stop at `depth`, with its questions and within-one rate: what
 *   an engine free to re-ask skills could reach.
 */

export interface BoundModel {
  /** level bands of θ, contiguous and increasing */
  bands: { level: number; from: number; to: number }[];
  /** distinct calibrated difficulties the competence can ask */
  difficulties: number[];
  discriminant: number;
  guess: number;
  slip: number;
}

export interface BoundOptions {
  /** price of one question, in within-one probability */
  lambda: number;
  depth: number;
  pointsPerBand: number;
  mode: 'optimistic' | 'achievable';
}

export interface BoundResult {
  /** max over policies of E[within one] − λ·E[questions] */
  value: number;
  /** questions and within-one rate of the optimal policy (achievable mode only) */
  questions: number;
  withinOne: number;
  states: number;
}

interface Node {
  value: number;
  questions: number;
  withinOne: number;
}

export function solveWithinOneBound(model: BoundModel, options: BoundOptions): BoundResult {
  const { lambda, depth, pointsPerBand, mode } = options;
  const levels: number[] = [];
  const thetas: number[] = [];
  for (const band of model.bands) {
    for (let k = 0; k < pointsPerBand; k++) {
      levels.push(band.level);
      thetas.push(band.from + ((k + 0.5) / pointsPerBand) * (band.to - band.from));
    }
  }
  const n = thetas.length;
  const maxLevel = Math.max(...levels);
  const minLevel = Math.min(...levels);
  const { guess: g, slip: s, discriminant: a } = model;
  const curves = model.difficulties.map((b) => Float64Array.from(thetas, (t) => g + (1 - g - s) / (1 + Math.exp(-a * (t - b)))));
  // Key: counts of each (difficulty, outcome) in base depth + 1.
  const base = depth + 1;
  const weights = Array.from({ length: 2 * curves.length }, (_, k) => base ** k);
  if (base ** (2 * curves.length) > Number.MAX_SAFE_INTEGER) throw new Error('bound: too many difficulties for this depth');
  const memo = new Map<number, Node>();

  /** Joint mass of the points whose level is within one of the best reported level. */
  function stopMass(w: Float64Array): number {
    let best = 0;
    for (let reported = minLevel; reported <= maxLevel; reported++) {
      let mass = 0;
      for (let i = 0; i < n; i++) if (Math.abs(levels[i] - reported) <= 1) mass += w[i];
      if (mass > best) best = mass;
    }
    return best;
  }

  // Values are joint (weighted by the probability of the history), so children add up.
  function solve(w: Float64Array, asked: number, key: number): Node {
    let mass = 0;
    for (let i = 0; i < n; i++) mass += w[i];
    const stop = stopMass(w);
    if (asked === depth) {
      if (mode === 'achievable') return { value: stop, questions: 0, withinOne: stop };
      const credited = Math.max(stop, mass * (1 - lambda));
      return { value: credited, questions: credited > stop ? mass : 0, withinOne: credited > stop ? mass : stop };
    }
    const known = memo.get(key);
    if (known) return known;
    let best: Node = { value: stop, questions: 0, withinOne: stop };
    // No question can gain more than the mass still outside "within one".
    if (stop < mass * (1 - lambda)) {
      for (let j = 0; j < curves.length; j++) {
        const curve = curves[j];
        const ok = new Float64Array(n);
        const ko = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          ok[i] = w[i] * curve[i];
          ko[i] = w[i] - ok[i];
        }
        const right = solve(ok, asked + 1, key + weights[2 * j]);
        const wrong = solve(ko, asked + 1, key + weights[2 * j + 1]);
        const value = right.value + wrong.value - lambda * mass;
        if (value > best.value) best = { value, questions: mass + right.questions + wrong.questions, withinOne: right.withinOne + wrong.withinOne };
      }
    }
    memo.set(key, best);
    return best;
  }

  const root = solve(new Float64Array(n).fill(1 / n), 0, 0);
  return { value: root.value, questions: root.questions, withinOne: root.withinOne, states: memo.size };
}
