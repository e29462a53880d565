/**
 * "Aperçu du contenu" (for teachers, and in development): every challenge of a competence, rendered as a
 * pupil sees it, with its skill, type, flags and solution, and a "Vérifier" that runs the shared matcher,
 * so a human can review the pack.
 */
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useMemo, useState } from 'react';
import { correctionFor } from '../../../../shared/src/matching/correction';
import { matchAnswer } from '../../../../shared/src/matching/match-answer';
import type { PackIndex } from '../../../../shared/src/model/pack-index';
import type { Challenge, Skill } from '../../../../shared/src/model/types';
import { navigate } from '../../app/router';
import { loadContentPack } from '../../content/pack';
import { ChallengeView } from '../challenge/ChallengeView';
import { Markdown } from '../challenge/Markdown';

const RESULT_LABEL: Record<string, string> = { ok: 'Bonne réponse', ko: 'Mauvaise réponse', aband: 'Passée' };

function ChallengePreview(props: { challenge: Challenge; skill: Skill; index: PackIndex }) {
  const { challenge, skill, index } = props;
  const [checked, setChecked] = useState<{ value: string; result: string } | null>(null);
  const correction = correctionFor(challenge, checked?.value ?? '');
  const flags = [
    challenge.type,
    `déclinaison ${challenge.alternativeVersion}`,
    challenge.timer ? `chronométrée ${challenge.timer} s` : null,
    challenge.focused ? 'focus' : null,
    challenge.embedUrl ? 'simulateur' : null,
    challenge.attachments.length ? 'pièce jointe' : null,
    challenge.status !== 'validé' ? challenge.status : null,
  ].filter(Boolean);
  return (
    <article className="pix-preview fr-mb-4w" data-testid="preview-challenge" aria-label={`Épreuve ${challenge.id}`}>
      <p className="fr-text--sm fr-mb-1w">
        <strong>{skill.name}</strong> · <code>{challenge.id}</code> · {flags.join(' · ')} · b = {challenge.difficulty.toFixed(2)}, a ={' '}
        {challenge.discriminant.toFixed(2)}
      </p>
      <ChallengeView
        challenge={challenge}
        submitLabel="Vérifier"
        onSubmit={(value) => setChecked({ value, result: matchAnswer(challenge, value, { timeout: null, focusedOut: false, isCertification: false }).result })}
      />
      {checked && (
        <p className={`fr-badge ${checked.result === 'ok' ? 'fr-badge--success' : 'fr-badge--error'} fr-mt-1w`} role="status">
          {RESULT_LABEL[checked.result] ?? checked.result}
        </p>
      )}
      <div className="pix-preview__solution fr-mt-2w">
        <p className="fr-text--bold fr-mb-1v">Réponse attendue</p>
        <pre className="pix-preview__pre">{correction.solutionToDisplay}</pre>
        {challenge.type !== 'QCU' && challenge.type !== 'QCM' && (
          <details>
            <summary>Solution brute et traitements</summary>
            <pre className="pix-preview__pre">{challenge.solution.value}</pre>
            <p className="fr-text--sm">
              Traitements désactivés :{' '}
              {Object.entries(challenge.solution.deactivations)
                .filter(([, off]) => off)
                .map(([t]) => t)
                .join(', ') || 'aucun'}
            </p>
          </details>
        )}
        <p className="fr-text--sm fr-mt-1w">
          <strong>Pour réussir la prochaine fois :</strong> {skill.hint}
        </p>
        {skill.tutorialIds.length > 0 && (
          <ul className="fr-text--sm">
            {skill.tutorialIds.map((id) => {
              const tutorial = index.tutorialsById.get(id);
              return tutorial ? (
                <li key={id}>
                  {tutorial.title} ({tutorial.source}, {tutorial.format}, {tutorial.duration})
                </li>
              ) : null;
            })}
          </ul>
        )}
      </div>
    </article>
  );
}

export function PreviewPage(props: { competenceIndex: string | null }) {
  const [index, setIndex] = useState<PackIndex | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadContentPack().then(setIndex, (e: Error) => setError(e.message));
  }, []);

  const competence = useMemo(
    () => (index && props.competenceIndex ? index.pack.competences.find((c) => c.index === props.competenceIndex) ?? null : null),
    [index, props.competenceIndex],
  );

  if (error) return <div className="fr-alert fr-alert--error fr-my-4w"><p>{error}</p></div>;
  if (!index) return <p className="fr-py-6w">Chargement du contenu…</p>;

  const challengesCount = competence ? (index.skillsByCompetenceId.get(competence.id) ?? []).reduce((n, s) => n + (index.challengesBySkillId.get(s.id)?.length ?? 0), 0) : 0;

  return (
    <div className="fr-py-4w">
      <h1>Aperçu du contenu</h1>
      <p>
        Version du contenu <code>{index.pack.version}</code> : {index.pack.challenges.length} épreuves, {index.pack.skills.length} acquis,{' '}
        {index.pack.tutorials.length} tutoriels.
      </p>
      <Select
        label="Compétence"
        nativeSelectProps={{
          value: props.competenceIndex ?? '',
          onChange: (e) => navigate(e.target.value ? `/apercu/${e.target.value}` : '/apercu'),
        }}
      >
        <option value="">— Choisissez une compétence —</option>
        {index.pack.competences.map((c) => (
          <option key={c.id} value={c.index}>
            {c.index} {c.name}
          </option>
        ))}
      </Select>
      {props.competenceIndex && !competence && <p>Compétence inconnue : {props.competenceIndex}</p>}
      {competence && (
        <>
          <h2 className="fr-mt-4w">
            {competence.index} {competence.name}
          </h2>
          <p className="fr-text--sm">{challengesCount} épreuves</p>
          {(index.tubesByCompetenceId.get(competence.id) ?? []).map((tube) => (
            <section key={tube.id} className="fr-mb-6w">
              <h3>
                {tube.practicalTitle} <span className="fr-text--sm">({tube.name})</span>
              </h3>
              <Markdown source={tube.practicalDescription} className="fr-text--sm" />
              {(index.skillsByTubeId.get(tube.id) ?? []).map((skill) =>
                (index.challengesBySkillId.get(skill.id) ?? []).map((challenge) => (
                  <ChallengePreview key={challenge.id} challenge={challenge} skill={skill} index={index} />
                )),
              )}
            </section>
          ))}
        </>
      )}
    </div>
  );
}
