/**
 * "Tableau de bord": parcours and competence tests in progress ("Commencé le jj/mm/aaaa" · "Reprendre"),
 * parcours whose results are still to send, the pix score, certifiability and "J'ai un code".
 */
import { certifiableCompetencesCount, totalPix } from '../../../../shared/src/scoring/scorecards';
import { THEORETICAL_MAX_PIX } from '../../../../shared/src/model/referential';
import { Link } from '../../app/router';
import { usePupil } from '../../pupil/pupil-data';

export const frenchDate = (iso: string) => new Date(iso).toLocaleDateString('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' });

export function DashboardPage() {
  const pupil = usePupil();
  const { index } = pupil;
  if (!pupil.ready) return <p className="fr-py-6w">Chargement…</p>;
  const started = pupil.assessments
    .filter((a) => a.state === 'started' && (a.type === 'CAMPAIGN' || a.type === 'COMPETENCE_EVALUATION'))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const toShare = pupil.participations.filter((p) => p.status === 'TO_SHARE');
  const pix = totalPix(pupil.cards);
  const certifiable = certifiableCompetencesCount(pupil.cards);

  const label = (assessment: (typeof started)[number]) => {
    if (assessment.type === 'COMPETENCE_EVALUATION') {
      const competence = assessment.competenceId ? index?.competencesById.get(assessment.competenceId) : undefined;
      return { kind: 'Test de compétence', name: competence ? `${competence.index} ${competence.name}` : 'Compétence' };
    }
    const participation = pupil.participations.find((p) => p.id === assessment.campaignParticipationId);
    const campaign = participation ? pupil.campaigns.get(participation.campaignId) : undefined;
    return { kind: campaign ? campaign.organizationName : 'Parcours', name: campaign?.title ?? campaign?.name ?? 'Parcours' };
  };

  return (
    <div className="fr-py-4w">
      <h1>Bonjour {pupil.profile.firstName}, découvrez votre tableau de bord</h1>
      <p>Accédez rapidement à vos parcours et à vos tests de compétence déjà commencés. Retrouvez votre score Pix et vérifiez si votre profil est prêt pour la certification.</p>
      {started.length > 0 && (
        <div className="fr-notice fr-notice--info fr-mb-3w" data-testid="resume-banner">
          <div className="fr-container">
            <div className="fr-notice__body">
              <p className="fr-notice__title">
                Vous avez {started.length === 1 ? 'un test commencé' : `${started.length} tests commencés`} : reprenez là où vous vous étiez arrêté.
              </p>
            </div>
          </div>
        </div>
      )}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-8">
          <h2 className="fr-h4">Parcours et tests en cours</h2>
          {started.length === 0 ? (
            <p data-testid="dashboard-empty">
              Aucun test en cours. Choisissez une compétence dans votre <Link href="/competences">profil</Link> ou rejoignez un parcours avec
              le code donné par votre enseignant.
            </p>
          ) : (
            <ul className="pix-list">
              {started.map((assessment) => {
                const { kind, name } = label(assessment);
                return (
                  <li key={assessment.id} className="pix-resume-card fr-p-2w" data-testid="resume-card">
                    <p className="fr-text--xs fr-mb-0 pix-upper">{kind}</p>
                    <p className="fr-text--bold fr-mb-1v">{name}</p>
                    <p className="fr-text--sm fr-mb-1w">Commencé le {frenchDate(assessment.createdAt)}</p>
                    <p className="fr-badge fr-badge--info fr-badge--sm fr-mb-1w">En cours</p>
                    <Link className="fr-btn fr-btn--sm" href={`/evaluations/${assessment.id}`}>
                      Reprendre
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
          {toShare.length > 0 && (
            <>
              <h2 className="fr-h4 fr-mt-4w">Parcours à envoyer</h2>
              <ul className="pix-list">
                {toShare.map((participation) => {
                  const campaign = pupil.campaigns.get(participation.campaignId);
                  return (
                    <li key={participation.id} className="pix-resume-card fr-p-2w" data-testid="to-share-card">
                      <p className="fr-text--bold fr-mb-1v">{campaign?.title ?? campaign?.name ?? 'Parcours'}</p>
                      <p className="fr-text--sm fr-mb-1w">Terminé : vos résultats ne sont pas encore envoyés.</p>
                      <Link className="fr-btn fr-btn--sm" href={`/campagnes/${campaign?.code ?? ''}`}>
                        Voir mes résultats
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
        <aside className="fr-col-12 fr-col-md-4">
          <div className="pix-score-box fr-p-3w fr-mb-3w">
            <p className="fr-mb-0">
              <span className="pix-total__label">PIX</span> <strong className="fr-h2" data-testid="pix-total">{pix}</strong> / {THEORETICAL_MAX_PIX}
            </p>
            <p className="fr-text--sm fr-mt-1w fr-mb-0" data-testid="certifiability">
              Certifiabilité : niveau 1 dans 5 compétences minimum — {Math.min(certifiable, 5)} / 5
            </p>
          </div>
          <Link className="fr-btn fr-btn--secondary" href="/campagnes">
            J'ai un code
          </Link>
        </aside>
      </div>
    </div>
  );
}
