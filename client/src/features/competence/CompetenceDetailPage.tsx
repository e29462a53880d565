/**
 * A competence: its domain, description, level and pix, and the action its state allows (§2.4):
 * "Commencer", "Reprendre", "Retenter" (4 days after the last answer, below the maximum level) and
 * "Réinitialiser" (7 days after, with a confirmation that says what is lost).
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { canImprove, canReset, remainingDaysBeforeImproving } from '../../../../shared/src/scoring/delays';
import { DEFAULT_MAX_REACHABLE_LEVEL } from '../../../../shared/src/scoring/competence-score';
import { Link, navigate } from '../../app/router';
import { campaignAssessmentsToRestart } from '../../../../shared/src/campaign/reset-campaign-assessments';
import { resetKnowledgeElements } from '../../../../shared/src/scoring/knowledge-elements';
import { resetCompetence, startCompetenceEvaluation } from '../../pupil/actions';
import { usePupil } from '../../pupil/pupil-data';

export function CompetenceDetailPage(props: { competenceIndex: string }) {
  const pupil = usePupil();
  const [confirming, setConfirming] = useState(false);
  const { index } = pupil;
  if (!index || !pupil.ready) return <p className="fr-py-6w">Chargement…</p>;
  const competence = index.pack.competences.find((c) => c.index === props.competenceIndex);
  if (!competence) {
    return (
      <div className="fr-py-6w">
        <p>Compétence introuvable.</p>
        <Link href="/competences">Retour au profil</Link>
      </div>
    );
  }
  const area = index.areasById.get(competence.areaId);
  const card = pupil.cards.find((c) => c.competenceId === competence.id);
  const now = new Date();
  const evaluations = pupil.assessments
    .filter((a) => a.type === 'COMPETENCE_EVALUATION' && a.competenceId === competence.id)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const latest = evaluations.at(-1);
  const inProgress = latest && latest.state === 'started' && !latest.resetAt ? latest : null;
  // the last answered KE: null after a reset with nothing answered since (no delay then, §2.4)
  const last = card?.lastKnowledgeElementAt ?? null;
  const improvable = card?.status === 'COMPLETED' && last !== null && canImprove(last, now, card.level, DEFAULT_MAX_REACHABLE_LEVEL);
  const resettable = card !== undefined && card.pix > 0 && last !== null && canReset(last, now) && !inProgress;

  const start = async (isImproving: boolean) => {
    const id = await startCompetenceEvaluation(pupil.db, pupil.profile.id, competence.id, new Date(), { isImproving });
    navigate(`/evaluations/${id}`);
  };

  return (
    <div className="fr-py-4w">
      <Link href="/competences" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
        Retour au profil
      </Link>
      <p className="pix-upper fr-text--sm fr-mt-3w fr-mb-1w" style={{ borderLeft: `6px solid ${area?.color ?? '#000'}`, paddingLeft: '0.5rem' }}>
        {area?.title}
      </p>
      <h1>
        {competence.index} {competence.name}
      </h1>
      <p>{competence.description}</p>
      <p className="fr-h4" data-testid="detail-score">
        Niveau {card?.level ?? 0} · {card?.pix ?? 0} pix
      </p>
      {card && card.level < DEFAULT_MAX_REACHABLE_LEVEL && card.pix > 0 && (
        <p className="fr-text--sm">Encore {card.pixToNextLevel} pix pour atteindre le niveau {card.level + 1}.</p>
      )}
      <div className="pix-challenge__actions pix-actions--start">
        {inProgress && (
          <Link className="fr-btn" href={`/evaluations/${inProgress.id}`}>
            Reprendre
          </Link>
        )}
        {!inProgress && card?.status !== 'COMPLETED' && <Button onClick={() => void start(false)}>Commencer</Button>}
        {!inProgress && card?.status === 'COMPLETED' && improvable && <Button onClick={() => void start(true)}>Retenter</Button>}
        {resettable && !confirming && (
          <Button priority="secondary" onClick={() => setConfirming(true)}>
            Réinitialiser
          </Button>
        )}
      </div>
      {!inProgress && card?.status === 'COMPLETED' && !improvable && card.level < DEFAULT_MAX_REACHABLE_LEVEL && (
        <RetryDelay days={remainingDaysBeforeImproving(last, now)} />
      )}
      {confirming && card && (
        <div className="fr-alert fr-alert--warning fr-mt-3w" role="alertdialog" aria-labelledby="reset-title" aria-describedby="reset-text">
          <h2 id="reset-title" className="fr-alert__title">
            Réinitialiser la compétence ?
          </h2>
          <p id="reset-text">
            Vous perdrez vos {card.pix} pix et votre niveau {card.level} dans « {competence.name} ». Toutes les questions de cette compétence
            pourront vous être posées de nouveau, y compris dans vos parcours dont les résultats ne sont pas encore envoyés. Cette action est
            définitive.
          </p>
          <div className="pix-challenge__actions pix-actions--start">
            <Button
              onClick={() => {
                const now = new Date();
                const resetSkillIds = new Set(resetKnowledgeElements(pupil.knowledge.history, competence.id, now.toISOString()).map((ke) => ke.skillId));
                const restarted = campaignAssessmentsToRestart({
                  assessments: pupil.assessments,
                  participations: pupil.participations,
                  resetSkillIds,
                  campaignSkillIdsOf: pupil.targetSkillIdsOf,
                });
                void resetCompetence(pupil.db, pupil.profile.id, competence.id, now, restarted).then(() => setConfirming(false));
              }}
            >
              Oui, réinitialiser
            </Button>
            <Button priority="secondary" onClick={() => setConfirming(false)}>
              Annuler
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

/**
 * When « Retenter » will be offered: only for a delay still running. With no delay to count (null: nothing
 * answered since a reset) or none left, nothing is promised.
 */
export function RetryDelay(props: { days: number | null }) {
  if (props.days === null || props.days <= 0) return null;
  return (
    <p className="fr-text--sm fr-mt-2w" data-testid="retry-delay">
      Vous pourrez retenter cette compétence dans {props.days === 1 ? '1 jour' : `${props.days} jours`}.
    </p>
  );
}
