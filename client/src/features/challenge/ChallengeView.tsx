/**
 * A challenge as the pupil sees it: instruction (Markdown), illustration, attachments, embedded offline
 * simulator, and the answer inputs of its type (QCU radios, QCM checkboxes, QROC input, QROCM inputs and
 * selects), with "Je passe" and "Je valide". An empty answer is refused with a clear message.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { parseProposals, type ProposalBlock } from '../../../../shared/src/model/proposals';
import type { Challenge } from '../../../../shared/src/model/types';
import { answerValue, emptyDraft, missingAnswerMessage, type AnswerDraft } from './answer-value';
import { Markdown, renderInline } from './Markdown';
import { SimulatorFrame } from './SimulatorFrame';

export interface ChallengeViewProps {
  challenge: Challenge;
  /** the pupil validated: the answer value for the matcher */
  onSubmit: (value: string) => void;
  onSkip?: () => void;
  disabled?: boolean;
  /** extra content above the buttons (timer, focus notice…) */
  children?: ReactNode;
  /** "Je valide" label override (preview: "Vérifier") */
  submitLabel?: string;
}

function fileName(url: string): string {
  return decodeURIComponent(url.split('/').pop() ?? url);
}

export function ChallengeView(props: ChallengeViewProps) {
  const { challenge } = props;
  const parsed = useMemo(() => parseProposals(challenge.proposals), [challenge.proposals]);
  const [draft, setDraft] = useState<AnswerDraft>(emptyDraft);
  const [error, setError] = useState<string | null>(null);
  const [embedKey, setEmbedKey] = useState(0);
  const idPrefix = `challenge-${challenge.id}`;

  useEffect(() => {
    setDraft(emptyDraft());
    setError(null);
  }, [challenge.id]);

  // A simulator that validates itself posts its answer: it fills the (first) answer field.
  const onSimulatorAnswer = (answer: string) => {
    const key = parsed.blocks[0]?.key;
    if (key) setDraft((d) => ({ ...d, blocks: { ...d.blocks, [key]: answer } }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing = missingAnswerMessage(challenge.type, parsed, draft);
    if (missing) {
      setError(missing);
      return;
    }
    setError(null);
    props.onSubmit(answerValue(challenge.type, parsed, draft));
  }

  const setBlock = (key: string, value: string) => setDraft((d) => ({ ...d, blocks: { ...d.blocks, [key]: value } }));

  const renderBlock = (block: ProposalBlock, i: number) => {
    const id = `${idPrefix}-${block.key}`;
    const label = block.ariaLabel ?? (parsed.blocks.length === 1 ? 'Votre réponse' : `Réponse ${i + 1}`);
    if (block.type === 'select') {
      return (
        <select
          key={id}
          id={id}
          className="fr-select pix-inline-field"
          aria-label={label}
          value={draft.blocks[block.key] ?? ''}
          disabled={props.disabled}
          onChange={(e) => setBlock(block.key, e.target.value)}
        >
          <option value="">— Choisissez —</option>
          {(block.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    }
    const wide = challenge.format === 'paragraphe' || challenge.format === 'phrase';
    return wide ? (
      <textarea
        key={id}
        id={id}
        className="fr-input pix-inline-field pix-inline-field--wide"
        aria-label={label}
        placeholder={block.placeholder}
        value={draft.blocks[block.key] ?? ''}
        disabled={props.disabled}
        onChange={(e) => setBlock(block.key, e.target.value)}
        rows={3}
      />
    ) : (
      <input
        key={id}
        id={id}
        className="fr-input pix-inline-field"
        aria-label={label}
        placeholder={block.placeholder}
        inputMode={challenge.format === 'nombre' ? 'decimal' : undefined}
        autoComplete="off"
        spellCheck={false}
        value={draft.blocks[block.key] ?? ''}
        disabled={props.disabled}
        onChange={(e) => setBlock(block.key, e.target.value)}
      />
    );
  };

  return (
    <form
      className="pix-challenge"
      onSubmit={submit}
      noValidate
      aria-describedby={`${idPrefix}-instruction`}
      data-challenge-id={challenge.id}
      data-challenge-type={challenge.type}
    >
      <div id={`${idPrefix}-instruction`} className="pix-challenge__instruction">
        <Markdown source={challenge.instruction} />
      </div>

      {challenge.illustrationUrl && (
        <figure className="fr-content-media pix-challenge__illustration">
          <img src={challenge.illustrationUrl} alt={challenge.illustrationAlt ?? ''} className="fr-responsive-img" />
        </figure>
      )}

      {challenge.attachments.length > 0 && (
        <div className="pix-challenge__attachments fr-mb-3w">
          <p className="fr-text--sm fr-mb-1w">Fichier{challenge.attachments.length > 1 ? 's' : ''} à télécharger :</p>
          <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
            {challenge.attachments.map((url) => (
              <li key={url}>
                <a className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href={url} download={fileName(url)} data-challenge-tool="attachment">
                  {fileName(url)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      {challenge.embedUrl && (
        <div className="pix-challenge__embed fr-mb-3w">
          <SimulatorFrame
            key={embedKey}
            url={challenge.embedUrl}
            title={challenge.embedTitle ?? 'Simulateur'}
            height={challenge.embedHeight ?? 480}
            onAnswer={onSimulatorAnswer}
          />
          <Button type="button" size="small" priority="tertiary" iconId="fr-icon-refresh-line" onClick={() => setEmbedKey((k) => k + 1)}>
            Réinitialiser
          </Button>
        </div>
      )}

      <fieldset className="fr-fieldset pix-challenge__answer" disabled={props.disabled}>
        <legend className="fr-sr-only">Votre réponse</legend>
        {(challenge.type === 'QCU' || challenge.type === 'QCM') &&
          parsed.options.map((option, i) => {
            const multiple = challenge.type === 'QCM';
            const value = i + 1;
            const checked = multiple ? draft.choices.includes(value) : draft.choice === value;
            const toggle = (on: boolean) =>
              setDraft((d) =>
                multiple ? { ...d, choices: on ? [...d.choices, value] : d.choices.filter((c) => c !== value) } : { ...d, choice: value },
              );
            return (
              <div className="fr-fieldset__element" key={i}>
                <div className={multiple ? 'fr-checkbox-group' : 'fr-radio-group'}>
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    id={`${idPrefix}-option-${value}`}
                    name={multiple ? undefined : `${idPrefix}-qcu`}
                    checked={checked}
                    onChange={(e) => toggle(e.target.checked)}
                  />
                  <label className="fr-label" htmlFor={`${idPrefix}-option-${value}`}>
                    {renderInline(option, `o${i}`)}
                  </label>
                </div>
              </div>
            );
          })}
        {(challenge.type === 'QROC' || challenge.type === 'QROCM-ind' || challenge.type === 'QROCM-dep') && (
          <div className="pix-proposals">
            {(() => {
              let blockIndex = 0;
              return parsed.parts.map((part, i) =>
                part.type === 'text' ? (
                  <span key={`t${i}`} className="pix-proposals__text">
                    {part.text.split('\n').map((line, j) => (
                      <span key={j}>
                        {j > 0 && <br />}
                        {renderInline(line, `p${i}-${j}`)}
                      </span>
                    ))}
                  </span>
                ) : (
                  renderBlock(part, blockIndex++)
                ),
              );
            })()}
          </div>
        )}
      </fieldset>

      {error && (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{error}</p>
        </div>
      )}
      {props.children}
      <div className="pix-challenge__actions">
        {props.onSkip && (
          <Button type="button" priority="secondary" disabled={props.disabled} onClick={props.onSkip}>
            Je passe
          </Button>
        )}
        <Button type="submit" disabled={props.disabled}>
          {props.submitLabel ?? 'Je valide'}
        </Button>
      </div>
    </form>
  );
}
