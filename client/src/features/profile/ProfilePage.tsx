/**
 * "Mes compétences": total pix out of 1024, certifiability, and the 16 competence cards grouped by their
 * 5 domains (domain colour, level, pix, progress to the next level). Rendered from the local database.
 */
import { areas, competences, THEORETICAL_MAX_PIX } from '../../../../shared/src/model/referential';
import { certifiableCompetencesCount, isCertifiable, totalPix, type Scorecard } from '../../../../shared/src/scoring/scorecards';
import { Link } from '../../app/router';

export function ProfilePage(props: { firstName: string; cards: Scorecard[] }) {
  const byId = new Map(props.cards.map((c) => [c.competenceId, c]));
  const total = totalPix(props.cards);
  const certifiable = certifiableCompetencesCount(props.cards);
  return (
    <div className="fr-py-4w">
      <h1>Bonjour {props.firstName}, voici votre profil</h1>
      <div className="pix-profile-head">
        <p className="pix-total" aria-label={`Score total : ${total} pix sur ${THEORETICAL_MAX_PIX}`}>
          <span className="pix-total__label">PIX</span> <strong data-testid="total-pix">{total}</strong> / {THEORETICAL_MAX_PIX}
        </p>
        <p className="fr-text--sm" data-testid="certifiability">
          {isCertifiable(props.cards)
            ? 'Votre profil est certifiable.'
            : `Pour être certifiable : niveau 1 dans 5 compétences minimum — ${certifiable} / 5 atteintes.`}
        </p>
      </div>
      {areas.map((area) => (
        <section key={area.id} className="fr-mb-4w" aria-labelledby={`${area.id}-title`} data-testid="area">
          <h2 id={`${area.id}-title`} className="fr-h4 pix-area-title" style={{ borderColor: area.color }}>
            {area.name}
          </h2>
          <ul className="fr-grid-row fr-grid-row--gutters pix-cards">
            {competences
              .filter((c) => c.areaId === area.id)
              .map((competence) => {
                const card = byId.get(competence.id);
                const level = card?.level ?? 0;
                const pix = card?.pix ?? 0;
                const progress = card?.progressPercent ?? 0;
                return (
                  <li key={competence.id} className="fr-col-12 fr-col-sm-6 fr-col-lg-3" data-testid="competence-card">
                    <article className="pix-card" style={{ borderTopColor: area.color }}>
                      <p className="pix-card__area">{area.title}</p>
                      <h3 className="fr-h6 pix-card__title">
                        <Link href={`/competences/${competence.index}`} className="pix-card__link">
                          {competence.index} {competence.name}
                        </Link>
                      </h3>
                      <p className="pix-card__score">
                        <span>
                          Niveau <strong data-testid="card-level">{level}</strong>
                        </span>
                        <span>
                          <strong>{pix}</strong> pix
                        </span>
                      </p>
                      <span
                        className="pix-bar"
                        role="progressbar"
                        aria-label={`Progression vers le niveau ${level + 1}`}
                        aria-valuemin={0}
                        aria-valuemax={100}
                        aria-valuenow={Math.round(progress)}
                      >
                        <span className="pix-bar__fill" style={{ width: `${progress}%`, background: area.color }} />
                      </span>
                    </article>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </div>
  );
}
