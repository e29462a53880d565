/**
 * `npm run simulate`: benchmark of the adaptive engines on simulated learners.
 *
 * Each simulated learner runs one competence evaluation per engine. Learners come in families
 * (scripts/simulate/families.ts): `today` (one true ability θ per competence, true levels 0..6 drawn
 * uniformly, independent answers P = g + (1 − g − s)·σ(a·(θ − b)), what the Bayesian engine assumes),
 * `tubeHeterogeneous` (one θ per tube), `college` (mostly levels 1–3), `correlated` (a skill is mastered
 * or not, its challenges agree), `skippers` (always « Je passe »), `experts` (always right) and `steps`
 * (noiseless: every skill up to level L, none above, each competence × L = 0..7 once per seed). The
 * ground truth is the level §2.2 gives to the skills the learner truly masters. Per family and engine
 * the report gives the questions asked, how often the final level is exact / within one level, the
 * mean absolute level error and bias, the exact rate by true level (and by L for steps, with every
 * miss), the mean absolute pix error and the time of each next-challenge call. The same is measured
 * on the three Parcours de rentrée campaigns (scripts/simulate/campaigns.ts, today's learners). The
 * targets of issue 14 (scripts/simulate/targets.ts) are checked for `--default-engine` against smart
 * random. `--seeds 1,2,3` pools the samples of several seeds; `--families`, `--engines` and
 * `--bayes key=value,…` (Bayesian config overrides) are for quick experiments. Each (seed, family) and
 * (seed, campaign) is a task; `--workers N` (default: 2 where the machine has them) runs the tasks in
 * child processes (scripts/simulate/pool.ts) and merges them in seed order, so the numbers are those
 * of a one-process run, only the pick timings differ. Uses
 * content/dist/pack.json when it exists (through loadPack), the seeded synthetic pack otherwise.
 * `--json` prints a JSON summary as the last line: { engines (today's learners, as before the
 * families), campaigns, families: { <family>: { engines: { <engine>: metrics } } }, targets, … }.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadPack } from '../shared/src/model/load-pack';
import { indexPack, type PackIndex } from '../shared/src/model/pack-index';
import { createRng } from '../shared/src/random/seeded-rng';
import { syntheticPack } from '../shared/src/testing/synthetic-pack';
import { parseArgs, USAGE, type SimulationOptions } from './simulate/args';
import { rentreeCampaigns, simulateCampaign, type CampaignSetup } from './simulate/campaigns';
import { FAMILY_LABELS, familyLearners, type FamilyName } from './simulate/families';
import { simulateFamily } from './simulate/family-run';
import { competenceModel, type CompetenceModel } from './simulate/learner';
import { runPool, serveTasks, WORKER_ENV } from './simulate/pool';
import { emptySamples, familyMetricsOf, formatFamilyTable, formatTable, metricsOf, stepsMetricsOf, type EngineSamples, type FamilyMetrics, type StepsMetrics } from './simulate/report';
import type { EngineSetup } from './simulate/run-evaluation';
import { checkTargets, formatTargets } from './simulate/targets';

const MAX_REACHABLE_LEVEL = 6;
const PACK_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'content', 'dist', 'pack.json');

/** Engines of the JSON summary first; extra variants appear in the table only. */
const ENGINES: (EngineSetup & { inJson: boolean })[] = [
  { key: 'smartRandom', label: 'Smart random', method: 'SMART_RANDOM', inJson: true },
  { key: 'flash', label: 'Flash (règles v3)', method: 'FLASH', inJson: true },
  { key: 'bayes', label: 'Bayésien', method: 'BAYES', inJson: true },
  { key: 'flashNoTubeLimit', label: 'Flash sans limite par sujet', method: 'FLASH', flash: { limitToOneQuestionPerTube: false }, inJson: false },
];

function loadIndex(options: SimulationOptions, quiet: boolean): { index: PackIndex; pack: 'content' | 'synthetic' } {
  if (!options.synthetic && existsSync(PACK_PATH)) {
    const result = loadPack(JSON.parse(readFileSync(PACK_PATH, 'utf8')) as unknown);
    if (result.ok) return { index: result.index, pack: 'content' };
    const shown = result.errors.slice(0, 5).map((e) => `  ${e.path} : ${e.message}`).join('\n');
    if (!quiet) console.error(`Paquet de contenu invalide (${result.errors.length} erreurs), paquet synthétique utilisé :\n${shown}`);
  }
  return { index: indexPack(syntheticPack({ seed: options.seed })), pack: 'synthetic' };
}

type Engine = EngineSetup & { inJson: boolean };

/** The engines chosen with `--engines` (all by default), the Bayesian ones with the `--bayes` overrides. */
function selectedEngines(options: SimulationOptions): Engine[] {
  const unknown = (options.engines ?? []).filter((key) => !ENGINES.some((e) => e.key === key));
  if (unknown.length > 0) throw new Error(`Moteur inconnu : ${unknown.join(', ')} (moteurs : ${ENGINES.map((e) => e.key).join(', ')})\n${USAGE}`);
  const chosen = options.engines === null ? ENGINES : ENGINES.filter((e) => options.engines?.includes(e.key));
  // Loosely typed on purpose: the Bayesian config is being reshaped, unknown keys are passed through.
  const bayes = options.bayes as unknown as EngineSetup['bayes'];
  return Object.keys(options.bayes).length === 0 ? chosen : chosen.map((e) => (e.method === 'BAYES' ? { ...e, bayes: { ...e.bayes, ...bayes } } : e));
}

interface Setup {
  options: SimulationOptions;
  engines: Engine[];
  index: PackIndex;
  pack: 'content' | 'synthetic';
  models: CompetenceModel[];
  campaigns: CampaignSetup[];
}

/** Options, engines, pack and models: the same in the main process and in every worker (same argv). */
function setup(argv: readonly string[], quiet: boolean): Setup {
  const options = parseArgs(argv);
  const engines = selectedEngines(options);
  const { index, pack } = loadIndex(options, quiet);
  const models = index.pack.competences
    .map((c) => competenceModel(index, c.id, MAX_REACHABLE_LEVEL))
    .filter((m) => m.skills.length > 0);
  const campaigns = options.campaigns ? rentreeCampaigns(index, MAX_REACHABLE_LEVEL) : [];
  return { options, engines, index, pack, models, campaigns };
}

/** One unit of work: a learner family or a Parcours de rentrée, for one seed. */
type Task = { kind: 'family'; seed: number; family: FamilyName } | { kind: 'campaign'; seed: number; campaign: number };

interface TaskResult {
  samples: Record<string, EngineSamples>;
  learners: number;
  seconds: number;
}

function runTask(s: Setup, task: Task): TaskResult {
  const { options, index } = s;
  const started = performance.now();
  const jsonEngines = s.engines.filter((e) => e.inJson);
  const engines = task.kind === 'family' ? s.engines : jsonEngines;
  const samples: Record<string, EngineSamples> = Object.fromEntries(engines.map((e) => [e.key, emptySamples()]));
  const bucket = (key: string): EngineSamples => (samples[key] ??= emptySamples());
  let learners = options.learners;
  if (task.kind === 'family') {
    learners = simulateFamily({
      index, learners: familyLearners(task.family, { index, models: s.models, seed: task.seed, learners: options.learners, guess: options.guess, slip: options.slip }),
      engines, guess: options.guess, slip: options.slip, maxReachableLevel: MAX_REACHABLE_LEVEL, seed: task.seed, samples: bucket,
    });
  } else {
    const campaign = s.campaigns[task.campaign];
    simulateCampaign({
      index, campaign, engines, learners: options.learners, guess: options.guess, slip: options.slip,
      maxReachableLevel: MAX_REACHABLE_LEVEL, rng: createRng(`simulate:${task.seed}`).fork(`campaign:${campaign.profile.id}`), samples: bucket,
    });
  }
  return { samples, learners, seconds: (performance.now() - started) / 1000 };
}

function appendSamples(into: EngineSamples, from: EngineSamples): void {
  for (const key of ['questions', 'levelErrors', 'pixErrors', 'pickMs'] as const) for (const v of from[key]) into[key].push(v);
  for (const level of from.levels ?? []) (into.levels ??= []).push(level);
}

function worker(): void {
  const s = setup(process.argv.slice(2), true);
  serveTasks((task: Task) => runTask(s, task));
}

async function main(): Promise<void> {
  const started = performance.now();
  let s: Setup;
  try {
    s = setup(process.argv.slice(2), false);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const { options, engines, index, pack, models, campaigns } = s;
  if (models.length === 0) {
    console.error('Aucune compétence avec des acquis jouables : simulation impossible.');
    process.exit(1);
  }

  const jsonEngines = engines.filter((e) => e.inJson);
  // Seed-major order, as a sequential run: merging the results in this order gives its very samples.
  const tasks: Task[] = options.seeds.flatMap((seed) => [
    ...options.families.map((family): Task => ({ kind: 'family', seed, family })),
    ...campaigns.map((_, campaign): Task => ({ kind: 'campaign', seed, campaign })),
  ]);
  let results: TaskResult[];
  try {
    results = await runPool({ tasks, workers: options.workers, script: fileURLToPath(import.meta.url), args: process.argv.slice(2), local: (task) => runTask(s, task) });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  const familySamples = new Map(options.families.map((f) => [f, new Map(engines.map((e) => [e.key, emptySamples()]))]));
  const familyLearnerCount = new Map<FamilyName, number>(options.families.map((f) => [f, 0]));
  const familySeconds = new Map<FamilyName, number>(options.families.map((f) => [f, 0]));
  const campaignSamples = new Map(campaigns.map((c) => [c.profile.name, new Map(jsonEngines.map((e) => [e.key, emptySamples()]))]));
  let campaignSeconds = 0;
  tasks.forEach((task, k) => {
    const result = results[k];
    const target = task.kind === 'family' ? familySamples.get(task.family) : campaignSamples.get(campaigns[task.campaign].profile.name);
    for (const [key, samples] of Object.entries(result.samples)) {
      const into = target?.get(key);
      if (into) appendSamples(into, samples);
    }
    if (task.kind === 'family') {
      familyLearnerCount.set(task.family, (familyLearnerCount.get(task.family) ?? 0) + result.learners);
      familySeconds.set(task.family, (familySeconds.get(task.family) ?? 0) + result.seconds);
    } else {
      campaignSeconds += result.seconds;
    }
  });

  const competenceLabel = (id: string): string => index.competencesById.get(id)?.index ?? id;
  const familyRows = options.families.map((family) => ({
    family,
    rows: engines.map((engine) => {
      const samples = familySamples.get(family)?.get(engine.key) ?? emptySamples();
      const steps = family === 'steps' ? stepsMetricsOf(samples, competenceLabel) : undefined;
      const metrics: FamilyMetrics | StepsMetrics = steps ?? familyMetricsOf(samples);
      return { engine, metrics, misses: steps?.misses ?? [] };
    }),
  }));
  const familiesJson = Object.fromEntries(familyRows.map(({ family, rows }) => [family, { engines: Object.fromEntries(rows.filter((r) => r.engine.inJson).map((r) => [r.engine.key, r.metrics])) }]));
  const targetEngine = engines.find((e) => e.key === options.defaultEngine);
  const targets = targetEngine ? checkTargets(Object.fromEntries(familyRows.map(({ family, rows }) => [family, Object.fromEntries(rows.map((r) => [r.engine.key, r.metrics]))])), targetEngine.key) : [];
  const seconds = (performance.now() - started) / 1000;

  const overrides = Object.entries(options.bayes).map(([k, v]) => `${k} = ${String(v)}`).join(', ');
  console.log(`Simulation : ${options.learners} apprenants par famille et par graine, graine${options.seeds.length > 1 ? 's' : ''} ${options.seeds.join(', ')}, paquet ${pack === 'content' ? 'de contenu' : 'synthétique'}, ` +
    `g = ${options.guess}, s = ${options.slip}, niveau max ${MAX_REACHABLE_LEVEL}${overrides ? `, réglages bayésiens : ${overrides}` : ''}, ` +
    `${Math.min(options.workers, tasks.length)} processus (${seconds.toFixed(1)} s)`);
  for (const { family, rows } of familyRows) {
    console.log(`\n${FAMILY_LABELS[family]} [${family}] : ${familyLearnerCount.get(family) ?? 0} apprenants (${(familySeconds.get(family) ?? 0).toFixed(1)} s de calcul)`);
    console.log(formatFamilyTable(rows.map(({ engine, metrics }) => ({ label: engine.label, metrics }))));
    if (family === 'steps') {
      for (const { engine, misses } of rows) {
        if (misses.length === 0) continue;
        const shown = misses.slice(0, 12).map((m) => `${m.competence} L=${m.L} → ${m.engineLevel} (vrai ${m.trueLevel})`).join(' · ');
        console.log(`  ${engine.label} : ${misses.length} erreur${misses.length > 1 ? 's' : ''} : ${shown}${misses.length > 12 ? ' …' : ''}`);
      }
    }
  }
  const campaignRows = campaigns.map((c) => ({
    name: c.profile.name,
    metrics: jsonEngines.map((e) => ({ engine: e, metrics: metricsOf(campaignSamples.get(c.profile.name)?.get(e.key) ?? emptySamples()) })),
  }));
  if (campaignRows.length > 0) console.log(`\nParcours de rentrée (apprenants actuels, ${campaignSeconds.toFixed(1)} s de calcul)`);
  for (const { name, metrics } of campaignRows) {
    console.log(`\n${name} (niveau exact et à ±1 niveau par compétence du parcours) :`);
    console.log(formatTable(metrics.map(({ engine, metrics: m }) => ({ label: engine.label, metrics: m }))));
  }
  if (targetEngine) console.log(`\n${formatTargets(targets, targetEngine.label)}`);
  else console.log(`\nObjectifs non vérifiés : le moteur ${options.defaultEngine} n'a pas été simulé.`);
  if (options.json) {
    // Top-level `engines`: today's learners with the metrics of before the families, for compatibility.
    const today = familySamples.get('today');
    const enginesJson = today ? Object.fromEntries(jsonEngines.map((e) => [e.key, metricsOf(today.get(e.key) ?? emptySamples())])) : {};
    const campaignsJson = Object.fromEntries(campaignRows.map(({ name, metrics }) => [name, Object.fromEntries(metrics.map(({ engine, metrics: m }) => [engine.key, m]))]));
    console.log(JSON.stringify({
      engines: enginesJson, campaigns: campaignsJson, families: familiesJson, targets, defaultEngine: options.defaultEngine, bayesOverrides: options.bayes,
      learners: options.learners, seed: options.seed, seeds: options.seeds, pack, seconds: Math.round(seconds * 10) / 10,
    }));
  }
}

if (process.env[WORKER_ENV] === '1') worker();
else void main();
