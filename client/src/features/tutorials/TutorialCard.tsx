/**
 * A tutorial: title, source, format and duration, its offline summary, "Enregistrer" and "Tuto utile",
 * and the link out when the device is online.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Tutorial } from '../../../../shared/src/model/types';
import { useOnline } from '../../app/use-online';
import { updateTutorial } from '../../pupil/actions';
import { usePupil } from '../../pupil/pupil-data';
import { Markdown } from '../challenge/Markdown';

export function formatDuration(duration: string): string {
  const [h, m, s] = duration.split(':').map(Number);
  if (h) return `${h} h ${m ? String(m).padStart(2, '0') : ''}`.trim();
  if (m) return `${m} min`;
  return `${s ?? 0} s`;
}

export function TutorialCard(props: { tutorial: Tutorial; headingLevel?: 'h3' | 'h4' }) {
  const { tutorial } = props;
  const pupil = usePupil();
  const online = useOnline();
  const state = pupil.tutorials.find((t) => t.tutorialId === tutorial.id);
  const Heading = props.headingLevel ?? 'h3';
  const save = (patch: { saved?: boolean; useful?: boolean | null }) =>
    void updateTutorial(pupil.db, pupil.profile.id, tutorial.id, patch, new Date());
  return (
    <article className="pix-tutorial fr-mb-2w" data-testid="tutorial-card" aria-label={`Tuto : ${tutorial.title}`}>
      <Heading className="fr-h6 fr-mb-1v">{tutorial.title}</Heading>
      <p className="fr-text--sm fr-mb-1w">
        {tutorial.source} · {tutorial.format} · {formatDuration(tutorial.duration)}
      </p>
      <Markdown source={tutorial.summary} className="fr-text--sm" />
      <div className="pix-tutorial__actions">
        {online ? (
          <a className="fr-link fr-icon-external-link-line fr-link--icon-right" href={tutorial.link} target="_blank" rel="noopener noreferrer">
            Ouvrir le tuto
          </a>
        ) : (
          <span className="fr-text--sm">Lien disponible avec une connexion ; le résumé ci-dessus reste lisible hors ligne.</span>
        )}
        <Button
          size="small"
          priority={state?.saved ? 'primary' : 'secondary'}
          iconId={state?.saved ? 'fr-icon-bookmark-fill' : 'fr-icon-bookmark-line'}
          aria-pressed={state?.saved ?? false}
          onClick={() => save({ saved: !state?.saved })}
        >
          {state?.saved ? 'Enregistré' : 'Enregistrer'}
        </Button>
        <Button
          size="small"
          priority={state?.useful ? 'primary' : 'tertiary'}
          iconId="fr-icon-thumb-up-line"
          aria-pressed={state?.useful ?? false}
          onClick={() => save({ useful: state?.useful ? null : true })}
        >
          Tuto utile
        </Button>
      </div>
    </article>
  );
}
