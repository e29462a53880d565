/**
 * Per-challenge checks of the validator: the solution accepts each `examples.accepted` and rejects each
 * `examples.rejected` (real matcher, no timer, no focus loss); QCU/QCM solution indexes exist among
 * the proposals; QROC has one block; QROCM block keys equal the solution keys; select solutions are
 * among the select's options.
 */
import type { Challenge } from '../../shared/src/model/types';
import { parseProposals } from '../../shared/src/model/proposals';
import { matchAnswer } from '../../shared/src/matching/match-answer';
import { asVariants, parseYamlMap } from '../../shared/src/matching/yaml-map';
import type { ChallengeExtras } from './compile-competences';
import { joinPath, type ContentError } from './content-error';

const NO_TIMER = { timeout: null, focusedOut: false, isCertification: false };
const quote = (value: string): string => `« ${value.replace(/\n/g, '⏎')} »`;

/** Keys and variants of a QROCM solution, read by the matcher's own YAML subset, or an error message. */
export function solutionKeys(value: string): Map<string, string[]> | string {
  const parsed = parseYamlMap(value);
  if (!parsed.ok) return `solution QROCM illisible : ${parsed.error}`;
  if (parsed.entries.length === 0) return 'solution QROCM : carte « clé: variantes » attendue';
  return new Map(parsed.entries.map(([key, variants]) => [key, asVariants(variants)]));
}

function structureErrors(challenge: Challenge, extras: ChallengeExtras): [string, string][] {
  const errors: [string, string][] = [];
  const proposals = parseProposals(challenge.proposals);
  const value = challenge.solution.value;
  if (challenge.type === 'QCU' || challenge.type === 'QCM') {
    const count = proposals.options.length;
    if (proposals.blocks.length > 0) errors.push(['proposals', `une ${challenge.type} n'a pas de bloc \${…}, seulement des lignes « - option »`]);
    if (count < 2) errors.push(['proposals', `au moins 2 propositions « - option » attendues (${count})`]);
    const pattern = challenge.type === 'QCU' ? /^\d+$/ : /^\d+(\s*,\s*\d+)*$/;
    if (!pattern.test(value)) {
      errors.push(['solution', challenge.type === 'QCU' ? `numéro de proposition attendu, pas ${quote(value)}` : `numéros séparés par des virgules attendus, pas ${quote(value)}`]);
    } else {
      const indexes = value.split(',').map((n) => Number(n.trim()));
      for (const n of indexes) if (n < 1 || n > count) errors.push(['solution', `la proposition ${n} n'existe pas (${count} propositions)`]);
      if (new Set(indexes).size !== indexes.length) errors.push(['solution', 'numéro de proposition répété']);
    }
    return errors;
  }
  const blockKeys = proposals.blocks.map((b) => b.key);
  if (new Set(blockKeys).size !== blockKeys.length) errors.push(['proposals', `clé de bloc répétée (${blockKeys.join(', ')})`]);
  for (const key of extras.selects) if (!blockKeys.includes(key)) errors.push(['selects', `la clé « ${key} » n'est pas un bloc des propositions`]);
  if (challenge.type === 'QROC') {
    if (blockKeys.length !== 1) errors.push(['proposals', `une QROC a exactement un bloc \${…} (${blockKeys.length} trouvé(s))`]);
    return errors;
  }
  const keys = solutionKeys(value);
  if (typeof keys === 'string') return [...errors, ['solution', keys]];
  const solutionKeyList = [...keys.keys()];
  const missing = blockKeys.filter((k) => !keys.has(k));
  const extra = solutionKeyList.filter((k) => !blockKeys.includes(k));
  if (blockKeys.length < 2) errors.push(['proposals', `une ${challenge.type} a au moins 2 blocs \${…} (${blockKeys.length} trouvé(s))`]);
  if (missing.length > 0 || extra.length > 0) {
    errors.push(['solution', `les clés de la solution (${solutionKeyList.join(', ')}) doivent être celles des blocs (${blockKeys.join(', ')})`]);
  }
  for (const block of proposals.blocks) {
    if (block.type !== 'select' || !block.options) continue;
    for (const variant of keys.get(block.key) ?? []) {
      if (!block.options.includes(variant)) errors.push(['solution', `la réponse ${quote(variant)} de la liste « ${block.key} » n'est pas une de ses options`]);
    }
  }
  return errors;
}

function exampleErrors(challenge: Challenge, extras: ChallengeExtras): [string, string][] {
  const errors: [string, string][] = [];
  const run = (value: string): string => {
    try {
      return matchAnswer(challenge, value, NO_TIMER).result;
    } catch (error) {
      return `erreur (${(error as Error).message})`;
    }
  };
  extras.examples.accepted.forEach((value, i) => {
    const result = run(value);
    if (result !== 'ok') errors.push([`examples.accepted[${i}]`, `la solution refuse ${quote(value)} (résultat : ${result})`]);
  });
  extras.examples.rejected.forEach((value, i) => {
    const result = run(value);
    if (result === 'ok') errors.push([`examples.rejected[${i}]`, `la solution accepte ${quote(value)}, qui devrait être refusée`]);
  });
  return errors;
}

export function checkChallenges(challenges: Challenge[], extrasById: Map<string, ChallengeExtras>): ContentError[] {
  const errors: ContentError[] = [];
  for (const challenge of challenges) {
    const extras = extrasById.get(challenge.id);
    if (!extras) continue;
    const structure = structureErrors(challenge, extras);
    // examples are meaningless against a malformed solution: report the structure first
    const all = structure.length > 0 ? structure : exampleErrors(challenge, extras);
    for (const [field, message] of all) errors.push({ file: extras.origin.file, path: joinPath(extras.origin.path, field), message });
  }
  return errors;
}
