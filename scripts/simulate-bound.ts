/**
 * `npm run simulate:bound`: the best within-one-level rate ANY engine can reach on the simulator's
 * competence evaluations with a given mean number of questions (scripts/simulate/bound.ts). Competences
 * with the same level bands and difficulties share one computation; the simulator draws competences
 * uniformly, so the bound is their mean. Slow on purpose (exact search): ~1–4 min per competence shape
 * and price at depth 12.
 *
 *   npm run simulate:bound -- [--budget 6.46] [--depth 12] [--points 5] [--lambdas 0.008,0.01,0.012] [--achievable]
 *                              [--discriminant A]   (default: the pack's highest, every challenge gets it)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadPack } from '../shared/src/model/load-pack';
import { isOperative } from '../shared/src/model/pix-values';
import { solveWithinOneBound, type BoundModel } from './simulate/bound';
import { competenceModel } from './simulate/learner';

const MAX_REACHABLE_LEVEL = 6;
const PACK_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'content', 'dist', 'pack.json');
const USAGE = 'Usage : npm run simulate:bound -- [--budget N] [--depth N] [--points N] [--lambdas a,b,c] [--guess P] [--slip P] [--discriminant A] [--achievable]';

interface Options { budget: number; depth: number; points: number; lambdas: number[]; guess: number; slip: number; achievable: boolean; discriminant?: number }

function parse(argv: string[]): Options {
  const options: Options = { budget: 6.46, depth: 12, points: 5, lambdas: [0.008, 0.01, 0.012], guess: 0.1, slip: 0.05, achievable: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): number => {
      const raw = argv[++i];
      const n = Number(raw);
      if (raw === undefined || !Number.isFinite(n) || n < 0) throw new Error(`${flag} attend un nombre positif\n${USAGE}`);
      return n;
    };
    switch (flag) {
      case '--budget': options.budget = value(); break;
      case '--depth': options.depth = Math.round(value()); break;
      case '--points': options.points = Math.max(1, Math.round(value())); break;
      case '--guess': options.guess = value(); break;
      case '--slip': options.slip = value(); break;
      case '--achievable': options.achievable = true; break;
      case '--discriminant': options.discriminant = value(); break;
      case '--lambdas': {
        const raw = argv[++i] ?? '';
        options.lambdas = raw.split(',').map(Number);
        if (options.lambdas.some((l) => !Number.isFinite(l) || l < 0)) throw new Error(`--lambdas attend des nombres positifs séparés par des virgules\n${USAGE}`);
        break;
      }
      default: throw new Error(`Option inconnue : ${flag}\n${USAGE}`);
    }
  }
  return options;
}

function main(): void {
  let options: Options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const loaded = loadPack(JSON.parse(readFileSync(PACK_PATH, 'utf8')) as unknown);
  if (!loaded.ok) {
    console.error('Paquet de contenu invalide : lancez npm run content:build.');
    process.exit(1);
  }
  const { index } = loaded;
  const discriminant = options.discriminant ?? Math.max(...index.pack.challenges.map((c) => c.discriminant));
  const shapes = new Map<string, { model: BoundModel; competences: number }>();
  for (const competence of index.pack.competences) {
    const m = competenceModel(index, competence.id, MAX_REACHABLE_LEVEL);
    if (m.skills.length === 0) continue;
    const difficulties = [...new Set(m.skills.flatMap((s) => (index.challengesBySkillId.get(s.id) ?? []).filter(isOperative).map((c) => c.difficulty)))].sort((a, b) => a - b);
    const model: BoundModel = { bands: m.bands, difficulties, discriminant, guess: options.guess, slip: options.slip };
    const key = JSON.stringify([model.bands.map((b) => [b.level, b.from.toFixed(6), b.to.toFixed(6)]), difficulties]);
    const shape = shapes.get(key) ?? { model, competences: 0 };
    shape.competences++;
    shapes.set(key, shape);
  }
  const total = [...shapes.values()].reduce((sum, s) => sum + s.competences, 0);
  console.log(`Borne « à ±1 niveau » : ${total} compétences, ${shapes.size} formes, profondeur ${options.depth}, ${options.points} points par niveau, ` +
    `a = ${discriminant}, g = ${options.guess}, s = ${options.slip}, budget ${options.budget} questions`);
  const started = performance.now();
  const bounds: number[] = [];
  for (const lambda of options.lambdas) {
    let optimistic = 0;
    let achievableRate = 0;
    let achievableQuestions = 0;
    for (const { model, competences } of shapes.values()) {
      const share = competences / total;
      optimistic += share * solveWithinOneBound(model, { lambda, depth: options.depth, pointsPerBand: options.points, mode: 'optimistic' }).value;
      if (options.achievable) {
        const a = solveWithinOneBound(model, { lambda, depth: options.depth, pointsPerBand: options.points, mode: 'achievable' });
        achievableRate += share * a.withinOne;
        achievableQuestions += share * a.questions;
      }
    }
    const bound = optimistic + lambda * options.budget;
    bounds.push(bound);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`  λ = ${lambda} : à ±1 niveau ≤ ${(bound * 100).toFixed(2)} % avec ${options.budget} questions en moyenne` +
      (options.achievable ? ` ; atteignable : ${(achievableRate * 100).toFixed(2)} % avec ${achievableQuestions.toFixed(2)} questions` : '') + ` (${seconds} s)`);
  }
  const best = Math.min(...bounds);
  console.log(`Borne : aucun moteur ne dépasse ${(best * 100).toFixed(2)} % à ±1 niveau avec ${options.budget} questions en moyenne.`);
  console.log(JSON.stringify({ budget: options.budget, depth: options.depth, points: options.points, lambdas: options.lambdas, withinOneUpperBound: Math.round(best * 1e4) / 1e4 }));
}

main();
