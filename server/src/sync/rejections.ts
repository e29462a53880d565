/**
 * Expected refusals of pushed rows (a string-literal code, a French message, and whether the client
 * should push the row again later). A refused row never blocks the rest of its batch.
 */
import type { RejectCode, RejectedRow } from '../../../shared/src/sync/protocol';

const MESSAGES: Record<RejectCode, string> = {
  FORBIDDEN: "Ce document appartient à un autre utilisateur : vous ne pouvez pas l'envoyer.",
  INVALID_DOCUMENT: 'Document invalide.',
  IMMUTABLE_DOCUMENT: 'Ce document ne peut pas être supprimé ni modifié.',
  UNKNOWN_ASSESSMENT: "L'évaluation de cette réponse n'est pas encore connue : la réponse sera renvoyée plus tard.",
  UNKNOWN_PARTICIPATION: "La participation à la campagne de cette évaluation n'est pas encore connue : renvoi plus tard.",
  UNKNOWN_CAMPAIGN: "Cette campagne n'est pas (encore) connue de ce serveur.",
  UNKNOWN_COMPETENCE: "Cette compétence n'existe pas dans le référentiel.",
  UNKNOWN_TUTORIAL: "Ce tutoriel n'existe pas dans le contenu.",
  UNKNOWN_CHALLENGE: "Cette épreuve n'existe pas dans le contenu : réponse refusée.",
  CHALLENGE_OUTSIDE_ASSESSMENT: "Cette épreuve ne fait pas partie de l'évaluation : réponse refusée.",
  ANSWER_AFTER_COMPLETION: 'Cette évaluation était déjà terminée : réponse refusée.',
  CAMPAIGN_ARCHIVED: 'Ce parcours a été archivé par votre organisation : participation ou envoi refusé.',
  CAMPAIGN_RESTRICTED: 'Participation refusée.',
  QUOTA_EXCEEDED: "L'espace de ce compte sur le serveur est plein : document refusé. Prévenez votre professeur.",
};

const RETRYABLE: ReadonlySet<RejectCode> = new Set(['UNKNOWN_ASSESSMENT', 'UNKNOWN_PARTICIPATION', 'UNKNOWN_CAMPAIGN']);

export function rejection(id: string, code: RejectCode, detail?: string): RejectedRow {
  return { id, code, message: detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code], retryable: RETRYABLE.has(code) };
}
