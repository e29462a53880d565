/** Command-line options of `npm run simulate`. */
import { availableParallelism } from 'node:os';
import { FAMILY_NAMES, isFamilyName, type FamilyName } from './families';

/** `--bayes key=value,…`: overrides of the Bayesian engine's config, loosely typed on purpose. */
export type BayesOverrides = Record<string, number | string | boolean | (number | number[])[]>;

export interface SimulationOptions {
  /** first seed (kept for single-seed callers) */
  seed: number;
  /** every seed to run; the report pools their samples */
  seeds: number[];
  /** also simulate the Parcours de rentrée campaigns */
  campaigns: boolean;
  learners: number;
  /** probability of a lucky guess */
  guess: number;
  /** probability of a slip despite mastery */
  slip: number;
  json: boolean;
  /** ignore content/dist/pack.json and use the synthetic pack */
  synthetic: boolean;
  /** learner families to simulate, in FAMILY_NAMES order */
  families: FamilyName[];
  /** engine keys to run; null = every engine */
  engines: string[] | null;
  /** overrides passed to the Bayesian engine (EngineSetup.bayes) */
  bayes: BayesOverrides;
  /** engine whose targets are checked against smart random */
  defaultEngine: string;
  /** child processes running the (seed, family / campaign) tasks; 1 = all in this process */
  workers: number;
}

export const DEFAULT_OPTIONS: SimulationOptions = {
  seed: 1, seeds: [1], campaigns: true, learners: 1000, guess: 0.1, slip: 0.05, json: false, synthetic: false,
  families: [...FAMILY_NAMES], engines: null, bayes: {}, defaultEngine: 'bayes', workers: Math.max(1, Math.min(2, availableParallelism())),
};

export const USAGE = `Usage : npm run simulate -- [--seed N | --seeds 1,2,3] [--learners N] [--guess P] [--slip P] [--synthetic] [--no-campaigns] [--json]
  [--families ${FAMILY_NAMES.join(',')}] [--engines smartRandom,flash,bayes,flashNoTubeLimit]
  [--bayes clé=valeur,clé=valeur] [--default-engine bayes] [--workers N]`;

function listArg(name: string, raw: string | undefined): string[] {
  const items = (raw ?? '').split(',').map((part) => part.trim());
  if (raw === undefined || items.some((item) => item === '')) throw new Error(`Valeur invalide pour ${name} : ${raw ?? '(absente)'}`);
  return items;
}

/**
 * `a=1,b=true,c=levels,d=0.5/0.5,e=0.02:0.02:4/0.1:0.05:1` → { a: 1, b: true, c: 'levels', d: [0.5, 0.5],
 * e: [[0.02, 0.02, 4], [0.1, 0.05, 1]] }: finite numbers and true/false are parsed; `/` separates the items
 * of a list and `:` those of a tuple.
 */
export function parseOverrides(raw: string | undefined): BayesOverrides {
  const overrides: BayesOverrides = {};
  for (const pair of listArg('--bayes', raw)) {
    const at = pair.indexOf('=');
    const key = at > 0 ? pair.slice(0, at).trim() : '';
    const value = at > 0 ? pair.slice(at + 1).trim() : '';
    if (key === '' || value === '') throw new Error(`Valeur invalide pour --bayes : ${pair} (attendu clé=valeur)`);
    const number = Number(value);
    const numbers = (text: string) => text.split(':').map(Number);
    if (value.includes('/') || value.includes(':')) {
      const items = value.split('/').map((item) => (item.includes(':') ? numbers(item) : Number(item)));
      if (items.flat().every(Number.isFinite)) {
        overrides[key] = items;
        continue;
      }
    }
    overrides[key] = value === 'true' ? true : value === 'false' ? false : Number.isFinite(number) ? number : value;
  }
  return overrides;
}

function numberArg(name: string, raw: string | undefined, check: (n: number) => boolean): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isFinite(value) || !check(value)) {
    throw new Error(`Valeur invalide pour ${name} : ${raw ?? '(absente)'}`);
  }
  return value;
}

export function parseArgs(argv: readonly string[]): SimulationOptions {
  const options = { ...DEFAULT_OPTIONS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const at = arg.indexOf('=');
    const [flag, inline] = at >= 0 ? [arg.slice(0, at), arg.slice(at + 1)] : [arg, undefined];
    const next = (): string | undefined => inline ?? argv[++i];
    const probability = (n: number) => n >= 0 && n < 1;
    switch (flag) {
      case '--seed': options.seed = numberArg(flag, next(), Number.isInteger); options.seeds = [options.seed]; break;
      case '--seeds': {
        const raw = next();
        options.seeds = (raw ?? '').split(',').map((part) => numberArg(flag, part.trim() === '' ? undefined : part, Number.isInteger));
        options.seed = options.seeds[0];
        break;
      }
      case '--no-campaigns': options.campaigns = false; break;
      case '--learners': options.learners = numberArg(flag, next(), (n) => Number.isInteger(n) && n > 0); break;
      case '--guess': options.guess = numberArg(flag, next(), probability); break;
      case '--slip': options.slip = numberArg(flag, next(), probability); break;
      case '--json': options.json = true; break;
      case '--synthetic': options.synthetic = true; break;
      case '--families': {
        const names = listArg(flag, next());
        const unknown = names.filter((n) => !isFamilyName(n));
        if (unknown.length > 0) throw new Error(`Famille inconnue : ${unknown.join(', ')} (familles : ${FAMILY_NAMES.join(', ')})`);
        options.families = FAMILY_NAMES.filter((n) => names.includes(n));
        break;
      }
      case '--workers': options.workers = numberArg(flag, next(), (n) => Number.isInteger(n) && n > 0); break;
      case '--engines': options.engines = [...new Set(listArg(flag, next()))]; break;
      case '--bayes': options.bayes = { ...options.bayes, ...parseOverrides(next()) }; break;
      case '--default-engine': {
        const key = next();
        if (key === undefined || !/^\w+$/.test(key)) throw new Error(`Valeur invalide pour ${flag} : ${key ?? '(absente)'}`);
        options.defaultEngine = key;
        break;
      }
      default: throw new Error(`Option inconnue : ${arg}\n${USAGE}`);
    }
  }
  if (options.guess + options.slip >= 1) throw new Error('--guess + --slip doit rester inférieur à 1');
  return options;
}
