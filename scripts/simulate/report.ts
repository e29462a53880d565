/** Aggregates the simulated evaluations per engine and prints them (French table, JSON line). */
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

export interface EngineSamples {
  questions: number[];
  levelErrors: number[];
  pixErrors: number[];
  pickMs: number[];
}

export function emptySamples(): EngineSamples {
  return { questions: [], levelErrors: [], pixErrors: [], pickMs: [] };
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

const percent = (rate: number): string => `${(rate * 100).toFixed(1)} %`;

export function formatTable(rows: { label: string; metrics: EngineMetrics }[]): string {
  const header = ['Moteur', 'Questions moy.', 'Questions p95', 'Niveau exact', 'À ±1 niveau', 'Écart pix moy.', 'Choix p50 (ms)', 'p95 (ms)', 'p99 (ms)'];
  const lines = rows.map(({ label, metrics: m }) => [
    label, m.questionsMean.toFixed(1), String(m.questionsP95), percent(m.exactLevelRate), percent(m.withinOneLevelRate),
    m.pixMae.toFixed(2), m.pickP50Ms.toFixed(3), m.pickP95Ms.toFixed(3), m.pickP99Ms.toFixed(3),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' │ ');
  return [format(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...lines.map(format)].join('\n');
}
