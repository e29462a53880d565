/**
 * "Vos réponses": the answers of a checkpoint (or of the whole test) with ✓/✗, and for each one
 * "Réponses et tutos": the pupil's answer, the right answer, the hint "Pour réussir la prochaine fois" and
 * the skill's tutorials.
 */
import { useState } from 'react';
import { correctionFor } from '../../../../shared/src/matching/correction';
import type { PackIndex } from '../../../../shared/src/model/pack-index';
import type { AnswerEvent } from '../../../../shared/src/model/types';
import { TutorialCard } from '../tutorials/TutorialCard';

const STATUS_LABEL: Record<string, string> = {
  ok: 'Bonne réponse',
  ko: 'Mauvaise réponse',
  aband: 'Question passée',
  timedout: 'Temps dépassé',
  focusedOut: 'Page quittée',
  partially: 'Réponse partielle',
};

function firstLine(markdown: string): string {
  const line = markdown.split('\n').find((l) => l.trim()) ?? '';
  const plain = line.replace(/[*_`#>]/g, '').trim();
  return plain.length > 140 ? `${plain.slice(0, 137)}…` : plain;
}

function displayValue(value: string): string {
  if (value === '#ABAND#') return 'Vous avez passé cette question.';
  return value;
}

function Review(props: { answer: AnswerEvent; index: PackIndex; position: number }) {
  const { answer, index } = props;
  const [open, setOpen] = useState(false);
  const challenge = index.challengesById.get(answer.challengeId);
  if (!challenge) return null;
  const skill = index.skillsById.get(challenge.skillId);
  const ok = answer.result === 'ok';
  const correction = open ? correctionFor(challenge, answer.value) : null;
  const panelId = `correction-${answer.id}`;
  return (
    <li className="pix-review" data-testid="answer-review">
      <div className="pix-review__row">
        <span className={`pix-review__mark ${ok ? 'pix-review__mark--ok' : 'pix-review__mark--ko'}`} aria-hidden="true">
          {ok ? '✓' : '✗'}
        </span>
        <span className="fr-sr-only">{STATUS_LABEL[answer.result] ?? answer.result} : </span>
        <span className="pix-review__text">{firstLine(challenge.instruction)}</span>
        <button type="button" className="fr-link" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          Réponses et tutos
        </button>
      </div>
      {open && correction && (
        <div id={panelId} className="pix-review__panel fr-p-2w" data-testid="correction">
          <p className="fr-mb-1w">
            <strong>Votre réponse :</strong> <span className="pix-pre">{displayValue(answer.value)}</span> — {STATUS_LABEL[answer.result] ?? answer.result}
          </p>
          <p className="fr-mb-1w">
            <strong>Bonne réponse :</strong> <span className="pix-pre">{correction.solutionToDisplay}</span>
          </p>
          {correction.blocks && (
            <ul className="fr-text--sm">
              {correction.blocks.map((b) => (
                <li key={b.key}>
                  {b.ok ? '✓' : '✗'} {b.answer || '(vide)'} {b.ok ? '' : `→ ${b.expected}`}
                </li>
              ))}
            </ul>
          )}
          {skill && !ok && (
            <div className="fr-callout fr-mb-2w">
              <h3 className="fr-callout__title fr-h6">Pour réussir la prochaine fois</h3>
              <p className="fr-callout__text fr-text--md">{skill.hint}</p>
            </div>
          )}
          {skill &&
            [...skill.tutorialIds, ...skill.learningMoreTutorialIds].map((id) => {
              const tutorial = index.tutorialsById.get(id);
              return tutorial ? <TutorialCard key={id} tutorial={tutorial} headingLevel="h4" /> : null;
            })}
        </div>
      )}
    </li>
  );
}

export function AnswerReview(props: { answers: AnswerEvent[]; index: PackIndex }) {
  return (
    <ol className="pix-reviews">
      {props.answers.map((answer, i) => (
        <Review key={answer.id} answer={answer} index={props.index} position={i + 1} />
      ))}
    </ol>
  );
}
