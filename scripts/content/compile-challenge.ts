/**
 * Maps one challenge of the source format to the runtime `Challenge` of the content pack:
 * solution normalisation (QROC lines, QROCM maps), select blocks, embed/illustration fields,
 * IRT defaults from the skill level unless `irt` is given.
 */
import type { Challenge, ChallengeType, Solution } from '../../shared/src/model/types';
import { challengeIrtDefaults } from '../../shared/src/model/irt-defaults';
import { parseProposals } from '../../shared/src/model/proposals';
import type { ChallengeSource } from './source-schema';

export interface ChallengeContext {
  skillId: string;
  competenceId: string;
  level: number;
  alternativeVersion: number;
}

type SolutionSource = ChallengeSource['solution'];

/** A YAML scalar that would not read back as the same plain string is written double-quoted. */
function yamlScalar(value: string): string {
  const plain = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^#]*$/.test(value) && !/:\s|\s$|:$/.test(value);
  return plain ? value : JSON.stringify(value);
}

/** `{nom: [Dupont, DUPONT]}` → "nom:\n- Dupont\n- DUPONT" (the README's block form). */
export function solutionMapToYaml(map: Record<string, string | string[]>): string {
  return Object.entries(map)
    .map(([key, variants]) => [`${key}:`, ...(Array.isArray(variants) ? variants : [variants]).map((v) => `- ${yamlScalar(v)}`)].join('\n'))
    .join('\n');
}

/** Returns the solution string, or an error message when its form does not fit the type. */
export function solutionValue(type: ChallengeType, solution: SolutionSource): { value: string } | { error: string } {
  const isQrocm = type === 'QROCM-ind' || type === 'QROCM-dep';
  if (typeof solution === 'string') {
    if (type === 'QROC') {
      // one accepted answer per line; a trailing empty line of a `|` block must not accept an empty answer
      const lines = solution.split('\n').map((line) => line.trim()).filter((line) => line !== '');
      return lines.length > 0 ? { value: lines.join('\n') } : { error: 'aucune réponse acceptée dans la solution' };
    }
    return { value: isQrocm ? solution.trimEnd() : solution.trim() };
  }
  if (Array.isArray(solution)) {
    if (type !== 'QROC') return { error: `une solution sous forme de liste n'est possible que pour QROC, pas pour ${type}` };
    return solutionValue(type, solution.join('\n'));
  }
  if (!isQrocm) return { error: `une solution sous forme de carte n'est possible que pour QROCM-ind / QROCM-dep, pas pour ${type}` };
  return { value: solutionMapToYaml(solution) };
}

/** Block keys of a QROC/QROCM template, with the select ones (syntax `options=` or listed in `selects`). */
export function blockTypes(proposals: string, selects: string[]): Record<string, 'text' | 'select'> {
  const types: Record<string, 'text' | 'select'> = {};
  for (const block of parseProposals(proposals).blocks) {
    types[block.key] = block.type === 'select' || selects.includes(block.key) ? 'select' : 'text';
  }
  return types;
}

export function compileChallenge(source: ChallengeSource, ctx: ChallengeContext, solution: string): Challenge {
  const irt = source.irt ?? challengeIrtDefaults(ctx.level, source.type);
  const deactivations: Solution['deactivations'] = { ...(source.deactivations ?? {}) };
  const solutionOut: Solution = { value: solution, deactivations };
  if (source.type !== 'QCU' && source.type !== 'QCM') {
    const types = blockTypes(source.proposals, source.selects ?? []);
    if (Object.values(types).includes('select')) solutionOut.qrocBlocksTypes = types;
  }
  const challenge: Challenge = {
    id: source.id,
    skillId: ctx.skillId,
    competenceId: ctx.competenceId,
    type: source.type,
    instruction: source.instruction,
    proposals: source.proposals,
    solution: solutionOut,
    focused: source.focused ?? false,
    attachments: source.attachments ?? [],
    status: source.status ?? 'validé',
    locales: ['fr-fr', 'fr'],
    alternativeVersion: ctx.alternativeVersion,
    difficulty: irt.difficulty,
    discriminant: irt.discriminant,
  };
  if (source.alternativeInstruction !== undefined) challenge.alternativeInstruction = source.alternativeInstruction;
  if (source.solutionToDisplay !== undefined) challenge.solutionToDisplay = source.solutionToDisplay;
  if (source.format !== undefined) challenge.format = source.format;
  if (source.timer !== undefined) challenge.timer = source.timer;
  if (source.illustration) {
    challenge.illustrationUrl = source.illustration.url;
    challenge.illustrationAlt = source.illustration.alt;
  }
  if (source.embed) {
    challenge.embedUrl = source.embed.url;
    challenge.embedTitle = source.embed.title;
    if (source.embed.height !== undefined) challenge.embedHeight = source.embed.height;
  }
  const internalValidation = source.embed?.hasEmbedInternalValidation ?? source.hasEmbedInternalValidation;
  if (internalValidation !== undefined) challenge.hasEmbedInternalValidation = internalValidation;
  const autoReply = source.embed?.autoReply ?? source.autoReply;
  if (autoReply !== undefined) challenge.autoReply = autoReply;
  if (source.shuffled !== undefined) challenge.shuffled = source.shuffled;
  return challenge;
}
