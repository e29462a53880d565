/** Command-line options of `npm run simulate`. */

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
}

export const DEFAULT_OPTIONS: SimulationOptions = { seed: 1, seeds: [1], campaigns: true, learners: 1000, guess: 0.1, slip: 0.05, json: false, synthetic: false };

export const USAGE = `Usage : npm run simulate -- [--seed N | --seeds 1,2,3] [--learners N] [--guess P] [--slip P] [--synthetic] [--no-campaigns] [--json]`;

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
    const [flag, inline] = arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
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
      default: throw new Error(`Option inconnue : ${arg}\n${USAGE}`);
    }
  }
  if (options.guess + options.slip >= 1) throw new Error('--guess + --slip doit rester inférieur à 1');
  return options;
}
