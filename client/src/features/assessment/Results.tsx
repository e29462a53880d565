/**
 * End of a test. Competence evaluation: the level and pix reached. Campaign: "Vous maîtrisez N % des
 * compétences testées", results per competence, "J'envoie mes résultats" (results stay private until then).
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { participantResults } from '../../../../shared/src/campaign/participant-results';
import type { AnswerEvent } from '../../../../shared/src/model/types';
import { Link } from '../../app/router';
import type { AssessmentDoc } from '../../db/schemas';
import { shareResults } from '../../pupil/actions';
import { usePupil } from '../../pupil/pupil-data';
import { AnswerReview } from './AnswerReview';

const percent = (rate: number) => Math.round(rate * 100);

export function Results(props: { assessment: AssessmentDoc; answers: AnswerEvent[] }) {
  const pupil = usePupil();
  const { assessment } = props;
  const index = pupil.index!;
  if (assessment.type === 'COMPETENCE_EVALUATION') {
    const card = pupil.cards.find((c) => c.competenceId === assessment.competenceId);
    return (
      <section className="fr-py-4w" aria-labelledby="results-title">
        <h1 id="results-title">Vous avez terminé le test</h1>
        {card && (
          <div className="pix-result-card fr-p-3w fr-mb-4w" data-testid="competence-result">
            <p className="fr-h4 fr-mb-1w">
              {card.index} {card.name}
            </p>
            <p className="fr-mb-0">
              Niveau <strong data-testid="result-level">{card.level}</strong> · <strong>{card.pix}</strong> pix
            </p>
          </div>
        )}
        <h2 className="fr-h4">Vos réponses</h2>
        <AnswerReview answers={props.answers} index={index} />
        <div className="pix-challenge__actions">
          <Link className="fr-btn fr-btn--secondary" href="/">
            Tableau de bord
          </Link>
          <Link className="fr-btn" href="/competences">
            Retour au profil
          </Link>
        </div>
      </section>
    );
  }

  const participation = pupil.participations.find((p) => p.id === assessment.campaignParticipationId);
  const campaign = participation ? pupil.campaigns.get(participation.campaignId) : undefined;
  const targetProfile = campaign?.targetProfileId ? index.targetProfilesById.get(campaign.targetProfileId) : undefined;
  if (!participation || !campaign || !targetProfile) {
    return <p className="fr-py-6w">Les informations de ce parcours ne sont pas disponibles sur cet appareil.</p>;
  }
  const results = participantResults({ index, campaignType: 'ASSESSMENT', targetProfile, knowledgeElements: pupil.knowledge.history });
  const shared = participation.status === 'SHARED';
  return (
    <section className="fr-py-4w" aria-labelledby="results-title">
      <p className="fr-text--sm fr-mb-1w">{campaign.title ?? campaign.name}</p>
      <h1 id="results-title" data-testid="campaign-mastery">
        Vous maîtrisez {percent(results.masteryRate)} % des compétences testées.
      </h1>
      {shared ? (
        <div className="fr-alert fr-alert--success fr-mb-3w" role="status">
          <p>Merci, vos résultats ont bien été envoyés !</p>
        </div>
      ) : (
        <>
          <p>Envoyez vos résultats à l'organisateur du parcours pour qu'il puisse vous accompagner.</p>
          <Button className="fr-mb-3w" onClick={() => void shareResults(pupil.db, participation.id, new Date())}>
            J'envoie mes résultats
          </Button>
        </>
      )}
      {results.stage && results.stage.stage && (
        <p className="fr-mb-3w">
          Palier atteint : <strong>{results.stage.stage.title}</strong> ({results.stage.reachedStage} / {results.stage.totalStages}) —{' '}
          {results.stage.stage.message}
        </p>
      )}
      <h2 className="fr-h4">Vos résultats détaillés</h2>
      <div className="fr-table">
        <table data-testid="campaign-competences">
          <caption className="fr-sr-only">Résultats par compétence</caption>
          <thead>
            <tr>
              <th scope="col">Compétences testées</th>
              <th scope="col">Résultats</th>
            </tr>
          </thead>
          <tbody>
            {results.competences.map((c) => (
              <tr key={c.competenceId}>
                <td>
                  {c.index} {c.name}
                </td>
                <td>
                  <span className="pix-bar" aria-hidden="true">
                    <span className="pix-bar__fill" style={{ width: `${percent(c.masteryRate)}%` }} />
                  </span>{' '}
                  {percent(c.masteryRate)} % ({c.validatedSkillsCount} / {c.targetedSkillsCount})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {results.badges.length > 0 && (
        <ul className="fr-badges-group fr-mb-3w">
          {results.badges.map((b) => (
            <li key={b.badgeId}>
              <p className={`fr-badge ${b.acquired ? 'fr-badge--success' : ''}`}>
                {b.title} {b.acquired ? '— obtenu' : `— ${b.acquisitionPercent} %`}
              </p>
            </li>
          ))}
        </ul>
      )}
      <div className="fr-notice fr-notice--info fr-mb-3w">
        <div className="fr-notice__body">
          <p className="fr-notice__title">
            Si vous avez déjà effectué des parcours sur Pix, les questions auxquelles vous aviez répondu ne vous ont pas été posées de
            nouveau. En revanche, le résultat affiché ici tient compte de l'ensemble de vos réponses.
          </p>
        </div>
      </div>
      <Link className="fr-btn fr-btn--secondary" href="/">
        Tableau de bord
      </Link>
    </section>
  );
}
