/**
 * Turns what the pupil entered into the answer value the matcher expects (§1.3–1.5): QCU "2",
 * QCM "1,3", QROC the text, QROCM a YAML map "key: value" per line. Also tells when nothing was entered.
 */
import { stringifyYamlMap } from '../../../../shared/src/matching/yaml-map';
import type { ParsedProposals } from '../../../../shared/src/model/proposals';
import type { ChallengeType } from '../../../../shared/src/model/types';

export interface AnswerDraft {
  /** QCU: the chosen option (1-based) */
  choice: number | null;
  /** QCM: the checked options (1-based) */
  choices: number[];
  /** QROC/QROCM: block key → text */
  blocks: Record<string, string>;
}

export const emptyDraft = (): AnswerDraft => ({ choice: null, choices: [], blocks: {} });

export function answerValue(type: ChallengeType, parsed: ParsedProposals, draft: AnswerDraft): string {
  switch (type) {
    case 'QCU':
      return draft.choice === null ? '' : String(draft.choice);
    case 'QCM':
      return [...draft.choices].sort((a, b) => a - b).join(',');
    case 'QROC':
      return (draft.blocks[parsed.blocks[0]?.key ?? ''] ?? '').trim();
    default:
      return stringifyYamlMap(Object.fromEntries(parsed.blocks.map((b) => [b.key, (draft.blocks[b.key] ?? '').trim()])));
  }
}

/** The French message shown when "Je valide" is pressed with nothing entered, or null when complete. */
export function missingAnswerMessage(type: ChallengeType, parsed: ParsedProposals, draft: AnswerDraft): string | null {
  switch (type) {
    case 'QCU':
      return draft.choice === null ? 'Pour valider, sélectionnez une réponse. Sinon, passez.' : null;
    case 'QCM':
      return draft.choices.length === 0 ? 'Pour valider, sélectionnez au moins une réponse. Sinon, passez.' : null;
    case 'QROC':
      return (draft.blocks[parsed.blocks[0]?.key ?? ''] ?? '').trim() ? null : 'Pour valider, veuillez remplir le champ texte. Sinon, passez.';
    default:
      return parsed.blocks.every((b) => (draft.blocks[b.key] ?? '').trim())
        ? null
        : 'Pour valider, veuillez remplir tous les champs réponse. Sinon, passez.';
  }
}
