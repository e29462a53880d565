/** Aggregates the simulated evaluations per engine (and per learner family) and prints them (French tables, JSON line). */
import { mean, percentile, round } from './stats';

export interface EngineMetrics {
  questionsMean: number;
  questionsP95: number;
  exactLevelRate: number;
  withinOneLevelRate: number;
  pixMae: number;
  pickP50Ms: number;
  pickP95Ms: number;
  pickP99Ms: number;
}

/** One scored competence: what the engine found beside the truth (families). */
export interface LevelOutcome {
  competenceId: string;
  engineLevel: number;
  trueLevel: number;
  seed?: number;
  /** steps family: the learner's L */
  stepLevel?: number;
}

export interface EngineSamples {
  questions: number[];
  levelErrors: number[];
  pixErrors: number[];
  pickMs: number[];
  /** detail of each level, when the caller records it (families) */
  levels?: LevelOutcome[];
}

export function emptySamples(): EngineSamples {
  return { questions: [], levelErrors: [], pixErrors: [], pickMs: [], levels: [] };
}

/** Appends one competence evaluation (questions, level and pix against the truth, pick timings). */
export function recordEvaluation(
  samples: EngineSamples,
  outcome: { questions: number; level: number; pix: number; pickMs: readonly number[] },
  truth: { level: number; pix: number },
  detail: Omit<LevelOutcome, 'engineLevel' | 'trueLevel'>,
): void {
  samples.questions.push(outcome.questions);
  samples.levelErrors.push(Math.abs(outcome.level - truth.level));
  samples.pixErrors.push(Math.abs(outcome.pix - truth.pix));
  for (const ms of outcome.pickMs) samples.pickMs.push(ms);
  (samples.levels ??= []).push({ ...detail, engineLevel: outcome.level, trueLevel: truth.level });
}

export function metricsOf(samples: EngineSamples): EngineMetrics {
  const n = samples.levelErrors.length;
  return {
    questionsMean: round(mean(samples.questions), 2),
    questionsP95: percentile(samples.questions, 95),
    exactLevelRate: round(samples.levelErrors.filter((e) => e === 0).length / n, 4),
    withinOneLevelRate: round(samples.levelErrors.filter((e) => e <= 1).length / n, 4),
    pixMae: round(mean(samples.pixErrors), 2),
    pickP50Ms: round(percentile(samples.pickMs, 50), 4),
    pickP95Ms: round(percentile(samples.pickMs, 95), 4),
    pickP99Ms: round(percentile(samples.pickMs, 99), 4),
  };
}

export interface RateCount {
  rate: number;
  count: number;
}

/** Metrics of one engine on one learner family (`families.<name>.engines.<engine>` of the JSON). */
export interface FamilyMetrics {
  questionsMean: number;
  questionsP95: number;
  exactLevelRate: number;
  withinOneLevelRate: number;
  /** mean |engine level − true level| */
  levelMae: number;
  /** mean (engine level − true level): < 0 when the engine under-rates */
  levelBias: number;
  /** exact-level rate and learner count by true level ("0".."6") */
  exactRateByTrueLevel: Record<string, RateCount>;
  pixMae: number;
  pickP50Ms: number;
  pickP95Ms: number;
  pickP99Ms: number;
}

export interface StepMiss {
  seed?: number;
  competence: string;
  L: number;
  engineLevel: number;
  trueLevel: number;
}

/** Steps family: also the exact rate by L and every miss. */
export interface StepsMetrics extends FamilyMetrics {
  exactRateByStep: Record<string, RateCount>;
  misses: StepMiss[];
}

function exactRateBy(levels: readonly LevelOutcome[], keyOf: (o: LevelOutcome) => number | undefined): Record<string, RateCount> {
  const groups = new Map<number, { exact: number; count: number }>();
  for (const outcome of levels) {
    const key = keyOf(outcome);
    if (key === undefined) continue;
    const group = groups.get(key) ?? { exact: 0, count: 0 };
    group.count++;
    if (outcome.engineLevel === outcome.trueLevel) group.exact++;
    groups.set(key, group);
  }
  return Object.fromEntries([...groups.entries()].sort(([a], [b]) => a - b).map(([key, g]) => [String(key), { rate: round(g.exact / g.count, 4), count: g.count }]));
}

export function familyMetricsOf(samples: EngineSamples): FamilyMetrics {
  const base = metricsOf(samples);
  const levels = samples.levels ?? [];
  const diffs = levels.map((o) => o.engineLevel - o.trueLevel);
  return {
    questionsMean: base.questionsMean,
    questionsP95: base.questionsP95,
    exactLevelRate: base.exactLevelRate,
    withinOneLevelRate: base.withinOneLevelRate,
    levelMae: round(mean(diffs.map(Math.abs)), 4),
    levelBias: round(mean(diffs), 4),
    exactRateByTrueLevel: exactRateBy(levels, (o) => o.trueLevel),
    pixMae: base.pixMae,
    pickP50Ms: base.pickP50Ms,
    pickP95Ms: base.pickP95Ms,
    pickP99Ms: base.pickP99Ms,
  };
}

/** `competenceLabel` turns a competence id into what the misses show (e.g. its index "1.1"). */
export function stepsMetricsOf(samples: EngineSamples, competenceLabel: (competenceId: string) => string = (id) => id): StepsMetrics {
  const levels = samples.levels ?? [];
  const misses = levels
    .filter((o) => o.engineLevel !== o.trueLevel)
    .map((o) => ({ ...(o.seed !== undefined ? { seed: o.seed } : {}), competence: competenceLabel(o.competenceId), L: o.stepLevel ?? -1, engineLevel: o.engineLevel, trueLevel: o.trueLevel }));
  return { ...familyMetricsOf(samples), exactRateByStep: exactRateBy(levels, (o) => o.stepLevel), misses };
}

const percent = (rate: number): string => `${(rate * 100).toFixed(1)} %`;

export function formatTable(rows: { label: string; metrics: EngineMetrics }[]): string {
  const header = ['Moteur', 'Questions moy.', 'Questions p95', 'Niveau exact', 'À ±1 niveau', 'Écart pix moy.', 'Choix p50 (ms)', 'p95 (ms)', 'p99 (ms)'];
  const lines = rows.map(({ label, metrics: m }) => [
    label, m.questionsMean.toFixed(1), String(m.questionsP95), percent(m.exactLevelRate), percent(m.withinOneLevelRate),
    m.pixMae.toFixed(2), m.pickP50Ms.toFixed(3), m.pickP95Ms.toFixed(3), m.pickP99Ms.toFixed(3),
  ]);
  return alignedTable(header, lines);
}

function alignedTable(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' │ ');
  return [format(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...lines.map(format)].join('\n');
}

const signed = (value: number): string => (Number.isNaN(value) ? 'NaN' : `${value > 0 ? '+' : ''}${value.toFixed(2)}`);

/** French table of a learner family: one line per engine, then the exact rate by true level (and by L). */
export function formatFamilyTable(rows: { label: string; metrics: FamilyMetrics | StepsMetrics }[]): string {
  const header = ['Moteur', 'Questions moy.', 'Questions p95', 'Niveau exact', 'À ±1 niveau', 'Écart niveau moy.', 'Biais', 'Écart pix moy.', 'Choix p50 (ms)', 'p95 (ms)', 'p99 (ms)'];
  const main = alignedTable(header, rows.map(({ label, metrics: m }) => [
    label, m.questionsMean.toFixed(1), String(m.questionsP95), percent(m.exactLevelRate), percent(m.withinOneLevelRate),
    m.levelMae.toFixed(2), signed(m.levelBias), m.pixMae.toFixed(2), m.pickP50Ms.toFixed(3), m.pickP95Ms.toFixed(3), m.pickP99Ms.toFixed(3),
  ]));
  const byKey = (title: string, prefix: string, pick: (m: FamilyMetrics | StepsMetrics) => Record<string, RateCount> | undefined): string | undefined => {
    const keys = [...new Set(rows.flatMap(({ metrics }) => Object.keys(pick(metrics) ?? {})))].sort((a, b) => Number(a) - Number(b));
    if (keys.length === 0) return undefined;
    const count = (key: string) => Math.max(...rows.map(({ metrics }) => pick(metrics)?.[key]?.count ?? 0));
    return alignedTable([title, ...keys.map((k) => `${prefix}${k} (${count(k)})`)], rows.map(({ label, metrics }) => [
      label, ...keys.map((k) => { const cell = pick(metrics)?.[k]; return cell ? percent(cell.rate) : '—'; }),
    ]));
  };
  const parts = [main, byKey('Niveau exact selon le niveau réel (effectif)', 'niv. ', (m) => m.exactRateByTrueLevel)];
  parts.push(byKey('Niveau exact selon L (effectif)', 'L = ', (m) => ('exactRateByStep' in m ? m.exactRateByStep : undefined)));
  return parts.filter((p): p is string => p !== undefined).join('\n\n');
}

