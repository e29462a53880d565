/**
 * Targets of issue 14 for an engine (`--default-engine`, the Bayesian one by default) against smart
 * random, per learner family:
 *
 * - exactLevelRate ≥ smart random's − 0.01;
 * - withinOneLevelRate ≥ smart random's;
 * - questionsMean ≤ 0.75 × smart random's on `today`, ≤ 0.85 × on every other family (skipped where
 *   smart random asks no question);
 * - exact rate at true level 0 ≥ smart random's (where both have level-0 learners);
 * - steps: exactLevelRate = 1;
 * - pick p95 ≤ 2 ms.
 *
 * Pure: takes the metrics, returns every check with its value, target and verdict.
 */
import type { FamilyMetrics } from './report';
import { round } from './stats';

export interface TargetCheck {
  name: 'exactLevelRate' | 'withinOneLevelRate' | 'questionsMean' | 'exactRateAtLevel0' | 'stepsExactLevelRate' | 'pickP95Ms';
  family: string;
  value: number;
  target: number;
  ok: boolean;
}

export const TARGETS = {
  exactLevelRateMargin: 0.01,
  questionsRatioToday: 0.75,
  questionsRatioOther: 0.85,
  pickP95Ms: 2,
} as const;

const EPSILON = 1e-9;

export type FamilyEngineMetrics = Record<string, Partial<Record<string, FamilyMetrics>>>;

export function checkTargets(families: FamilyEngineMetrics, engine: string, baseline = 'smartRandom'): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (name: TargetCheck['name'], family: string, value: number, target: number, atLeast: boolean): void => {
    if (!Number.isFinite(value) || !Number.isFinite(target)) return;
    checks.push({ name, family, value, target, ok: atLeast ? value >= target - EPSILON : value <= target + EPSILON });
  };
  for (const [family, engines] of Object.entries(families)) {
    const mine = engines[engine];
    if (!mine) continue;
    const reference = engine === baseline ? undefined : engines[baseline];
    if (reference) {
      add('exactLevelRate', family, mine.exactLevelRate, round(reference.exactLevelRate - TARGETS.exactLevelRateMargin, 4), true);
      add('withinOneLevelRate', family, mine.withinOneLevelRate, reference.withinOneLevelRate, true);
      if (reference.questionsMean > 0) {
        const ratio = family === 'today' ? TARGETS.questionsRatioToday : TARGETS.questionsRatioOther;
        add('questionsMean', family, mine.questionsMean, round(ratio * reference.questionsMean, 2), false);
      }
      const mineAtZero = mine.exactRateByTrueLevel['0'];
      const referenceAtZero = reference.exactRateByTrueLevel['0'];
      if (mineAtZero && referenceAtZero && mineAtZero.count > 0 && referenceAtZero.count > 0) {
        add('exactRateAtLevel0', family, mineAtZero.rate, referenceAtZero.rate, true);
      }
    }
    if (family === 'steps') add('stepsExactLevelRate', family, mine.exactLevelRate, 1, true);
    add('pickP95Ms', family, mine.pickP95Ms, TARGETS.pickP95Ms, false);
  }
  return checks;
}

const CHECK_LABELS: Record<TargetCheck['name'], string> = {
  exactLevelRate: 'niveau exact ≥ smart random − 1 pt',
  withinOneLevelRate: 'à ±1 niveau ≥ smart random',
  questionsMean: 'questions ≤ 0,75 × (actuels) / 0,85 × smart random',
  exactRateAtLevel0: 'niveau exact au niveau réel 0 ≥ smart random',
  stepsExactLevelRate: 'paliers : niveau exact = 100 %',
  pickP95Ms: 'choix p95 ≤ 2 ms',
};

const shown = (name: TargetCheck['name'], n: number): string =>
  name === 'questionsMean' ? n.toFixed(2) : name === 'pickP95Ms' ? `${n.toFixed(3)} ms` : `${(n * 100).toFixed(1)} %`;

/** French lines, one per check: ✓/✗, family, what is checked, value and target. */
export function formatTargets(checks: readonly TargetCheck[], engineLabel: string): string {
  const failed = checks.filter((c) => !c.ok).length;
  const lines = checks.map((c) => `  ${c.ok ? '✓' : '✗'} ${c.family.padEnd(17)} ${CHECK_LABELS[c.name].padEnd(52)} ${shown(c.name, c.value).padStart(9)} (objectif ${c.name === 'questionsMean' || c.name === 'pickP95Ms' ? '≤' : '≥'} ${shown(c.name, c.target)})`);
  return [`Objectifs de ${engineLabel} face à smart random : ${checks.length - failed}/${checks.length} atteints`, ...lines].join('\n');
}
