/**
 * `npm run simulate`: benchmark of the adaptive engines on simulated learners.
 *
 * Each learner gets a competence and a true ability θ (true levels 0..6), then runs one competence
 * evaluation per engine, answering with P = g + (1 − g − s)·σ(a·(θ − b)). The report gives, per engine,
 * the questions asked, how often the final level is exact / within one level, the mean absolute pix
 * error and the time of each next-challenge call. The same is measured on the three Parcours de
 * rentrée campaigns (scripts/simulate/campaigns.ts). `--seeds 1,2,3` pools the samples of several
 * seeds. Uses content/dist/pack.json when it exists (through loadPack), the seeded synthetic pack
 * otherwise. `--json` prints a JSON summary as the last line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadPack } from '../shared/src/model/load-pack';
import { indexPack, type PackIndex } from '../shared/src/model/pack-index';
import { createRng } from '../shared/src/random/seeded-rng';
import { syntheticPack } from '../shared/src/testing/synthetic-pack';
import { parseArgs, type SimulationOptions } from './simulate/args';
import { rentreeCampaigns, simulateCampaign } from './simulate/campaigns';
import { competenceModel, drawTrueTheta, trueScore } from './simulate/learner';
import { emptySamples, formatTable, metricsOf, type EngineSamples } from './simulate/report';
import { runEvaluation, type EngineSetup } from './simulate/run-evaluation';

const MAX_REACHABLE_LEVEL = 6;
const PACK_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'content', 'dist', 'pack.json');

/** Engines of the JSON summary first; extra variants appear in the table only. */
const ENGINES: (EngineSetup & { inJson: boolean })[] = [
  { key: 'smartRandom', label: 'Smart random', method: 'SMART_RANDOM', inJson: true },
  { key: 'flash', label: 'Flash (règles v3)', method: 'FLASH', inJson: true },
  { key: 'bayes', label: 'Bayésien', method: 'BAYES', inJson: true },
  { key: 'flashNoTubeLimit', label: 'Flash sans limite par sujet', method: 'FLASH', flash: { limitToOneQuestionPerTube: false }, inJson: false },
];

function loadIndex(options: SimulationOptions): { index: PackIndex; pack: 'content' | 'synthetic' } {
  if (!options.synthetic && existsSync(PACK_PATH)) {
    const result = loadPack(JSON.parse(readFileSync(PACK_PATH, 'utf8')) as unknown);
    if (result.ok) return { index: result.index, pack: 'content' };
    const shown = result.errors.slice(0, 5).map((e) => `  ${e.path} : ${e.message}`).join('\n');
    console.error(`Paquet de contenu invalide (${result.errors.length} erreurs), paquet synthétique utilisé :\n${shown}`);
  }
  return { index: indexPack(syntheticPack({ seed: options.seed })), pack: 'synthetic' };
}

function main(): void {
  let options: SimulationOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const started = performance.now();
  const { index, pack } = loadIndex(options);
  const models = index.pack.competences
    .map((c) => competenceModel(index, c.id, MAX_REACHABLE_LEVEL))
    .filter((m) => m.skills.length > 0);
  if (models.length === 0) {
    console.error('Aucune compétence avec des acquis jouables : simulation impossible.');
    process.exit(1);
  }

  const samples = new Map<string, EngineSamples>(ENGINES.map((e) => [e.key, emptySamples()]));
  const campaigns = options.campaigns ? rentreeCampaigns(index, MAX_REACHABLE_LEVEL) : [];
  const campaignSamples = new Map(campaigns.map((c) => [c.profile.name, new Map(ENGINES.map((e) => [e.key, emptySamples()]))]));
  for (const seed of options.seeds) {
    const root = createRng(`simulate:${seed}`);
    for (let i = 0; i < options.learners; i++) {
      const learnerRng = root.fork(`learner-${i}`);
      const model = models[learnerRng.nextInt(models.length)];
      const theta = drawTrueTheta(model, learnerRng);
      const truth = trueScore(model, theta, MAX_REACHABLE_LEVEL);
      for (const engine of ENGINES) {
        const outcome = runEvaluation({
          index, model, learnerId: `learner-${i}`, theta, engine, guess: options.guess, slip: options.slip,
          maxReachableLevel: MAX_REACHABLE_LEVEL, rng: learnerRng.fork(engine.key),
        });
        const s = samples.get(engine.key) ?? emptySamples();
        s.questions.push(outcome.questions);
        s.levelErrors.push(Math.abs(outcome.level - truth.level));
        s.pixErrors.push(Math.abs(outcome.pix - truth.pix));
        for (const ms of outcome.pickMs) s.pickMs.push(ms);
      }
    }
    for (const campaign of campaigns) {
      const bucket = campaignSamples.get(campaign.profile.name);
      simulateCampaign({
        index, campaign, engines: ENGINES.filter((e) => e.inJson), learners: options.learners, guess: options.guess, slip: options.slip,
        maxReachableLevel: MAX_REACHABLE_LEVEL, rng: root.fork(`campaign:${campaign.profile.id}`),
        samples: (key) => bucket?.get(key) ?? emptySamples(),
      });
    }
  }

  const rows = ENGINES.map((e) => ({ engine: e, metrics: metricsOf(samples.get(e.key) ?? emptySamples()) }));
  const seconds = (performance.now() - started) / 1000;
  console.log(`Simulation : ${options.learners} apprenants, graine${options.seeds.length > 1 ? 's' : ''} ${options.seeds.join(', ')}, paquet ${pack === 'content' ? 'de contenu' : 'synthétique'}, ` +
    `g = ${options.guess}, s = ${options.slip}, niveau max ${MAX_REACHABLE_LEVEL} (${seconds.toFixed(1)} s)`);
  console.log(formatTable(rows.map(({ engine, metrics }) => ({ label: engine.label, metrics }))));
  const campaignRows = campaigns.map((c) => ({
    name: c.profile.name,
    metrics: ENGINES.filter((e) => e.inJson).map((e) => ({ engine: e, metrics: metricsOf(campaignSamples.get(c.profile.name)?.get(e.key) ?? emptySamples()) })),
  }));
  for (const { name, metrics } of campaignRows) {
    console.log(`\n${name} (niveau exact et à ±1 niveau par compétence du parcours) :`);
    console.log(formatTable(metrics.map(({ engine, metrics: m }) => ({ label: engine.label, metrics: m }))));
  }
  if (options.json) {
    const engines = Object.fromEntries(rows.filter((r) => r.engine.inJson).map((r) => [r.engine.key, r.metrics]));
    const campaignsJson = Object.fromEntries(campaignRows.map(({ name, metrics }) => [name, Object.fromEntries(metrics.map(({ engine, metrics: m }) => [engine.key, m]))]));
    console.log(JSON.stringify({ engines, campaigns: campaignsJson, learners: options.learners, seed: options.seed, seeds: options.seeds, pack }));
  }
}

main();
