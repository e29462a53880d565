/**
 * The pupil's profile: total pix out of 1024 and the 16 competence cards grouped by their 5 domains,
 * with level and pix per competence. Rendered from the local database, so it works offline.
 */
import { areas, competences, THEORETICAL_MAX_PIX } from '../../../../shared/src/model/referential';
import type { ProfileDoc } from '../../db/schemas';

export interface CompetenceScore {
  level: number;
  pix: number;
}

export function ProfilePage(props: { profile: ProfileDoc; scores?: Map<string, CompetenceScore> }) {
  const scoreOf = (competenceId: string): CompetenceScore => props.scores?.get(competenceId) ?? { level: 0, pix: 0 };
  const total = competences.reduce((sum, c) => sum + scoreOf(c.id).pix, 0);
  return (
    <div className="fr-py-4w">
      <h1>Bonjour {props.profile.firstName}, voici votre profil</h1>
      <p className="pix-total" aria-label={`Score total : ${total} pix sur ${THEORETICAL_MAX_PIX}`}>
        <span className="pix-total__label">PIX</span> <strong data-testid="total-pix">{total}</strong> / {THEORETICAL_MAX_PIX}
      </p>
      {areas.map((area) => (
        <section key={area.id} className="fr-mb-4w" aria-labelledby={`${area.id}-title`} data-testid="area">
          <h2 id={`${area.id}-title`} className="fr-h4 pix-area-title" style={{ borderColor: area.color }}>
            {area.name}
          </h2>
          <ul className="fr-grid-row fr-grid-row--gutters pix-cards">
            {competences
              .filter((c) => c.areaId === area.id)
              .map((competence) => {
                const score = scoreOf(competence.id);
                return (
                  <li key={competence.id} className="fr-col-12 fr-col-sm-6 fr-col-lg-3" data-testid="competence-card">
                    <article className="pix-card" style={{ borderTopColor: area.color }}>
                      <p className="pix-card__area" style={{ color: area.color }}>
                        {area.title}
                      </p>
                      <h3 className="fr-h6 pix-card__title">
                        {competence.index} {competence.name}
                      </h3>
                      <p className="pix-card__score">
                        <span>
                          Niveau <strong>{score.level}</strong>
                        </span>
                        <span>
                          <strong>{score.pix}</strong> pix
                        </span>
                      </p>
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
