/**
 * One challenge inside a test: the timed-challenge warning and visible countdown (the pupil may still
 * answer after the time is up: the answer then counts as timed out), the focus notice (leaving the page is
 * recorded), and the time spent. The start time and a focus loss are kept in the pupil's local database
 * (db/local-state.ts) so a reload does not reset a timer nor forget that the page was left.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import type { Challenge } from '../../../../shared/src/model/types';
import type { PupilDatabase } from '../../db/database';
import { localKeys, removeLocal, useLocalState } from '../../db/local-state';
import { ChallengeView } from '../challenge/ChallengeView';
import { watchFocus } from './focus-watch';

export interface AnswerMeta {
  /** seconds left on a timed challenge (negative when over), null when not timed */
  timeout: number | null;
  focusedOut: boolean;
  timeSpent: number;
}

export function ChallengeStep(props: {
  db: PupilDatabase;
  assessmentId: string;
  challenge: Challenge;
  onAnswer: (value: string, meta: AnswerMeta) => Promise<void>;
  saving: boolean;
}) {
  const { challenge, assessmentId, db } = props;
  const startKey = localKeys.challengeStarted(assessmentId, challenge.id);
  const focusKey = localKeys.focusLost(assessmentId, challenge.id);
  const started = useLocalState(db, startKey);
  const focus = useLocalState(db, focusKey);
  const loaded = started.loaded && focus.loaded;
  const startedAt = started.value === null ? null : Number(started.value);
  const focusedOut = focus.value === '1';
  const [now, setNow] = useState(() => Date.now());
  const timed = typeof challenge.timer === 'number' && Number.isFinite(challenge.timer);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const setStarted = started.set;
  const setFocusLost = focus.set;

  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded, startKey]);

  function start() {
    setStarted(String(Date.now()));
  }

  // Untimed challenges start at once (once the database said they had not started); a timed one waits for "Commencer".
  useEffect(() => {
    if (!timed && started.loaded && started.value === null) setStarted(String(Date.now()));
  }, [timed, started.loaded, started.value, setStarted]);

  useEffect(() => {
    if (!timed || startedAt === null) return;
    const id = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(id);
  }, [timed, startedAt]);

  useEffect(() => {
    if (!challenge.focused || startedAt === null) return;
    // Only leaving the app counts: not the challenge's simulator, its attachment, a reload (focus-watch.ts).
    return watchFocus(
      {
        window, document, now: () => Date.now(),
        setTimeout: (run, ms) => window.setTimeout(run, ms),
        setInterval: (run, ms) => window.setInterval(run, ms),
        clearInterval: (id) => window.clearInterval(id as number),
      },
      () => {
        if (!focusedOut) setFocusLost('1');
      },
    );
  }, [challenge.focused, startedAt, focusedOut, setFocusLost]);

  async function answer(value: string) {
    const at = Date.now();
    const elapsed = startedAt === null ? 0 : (at - startedAt) / 1000;
    const meta: AnswerMeta = {
      timeout: timed ? Math.round((challenge.timer as number) - elapsed) : null,
      focusedOut,
      timeSpent: Math.max(0, Math.ceil(elapsed)),
    };
    await props.onAnswer(value, meta);
    await removeLocal(db, [startKey, focusKey]).catch(() => undefined);
  }

  if (!loaded) return <p className="fr-py-2w">Chargement de la question…</p>;

  if (timed && startedAt === null) {
    return (
      <div className="pix-timed-warning fr-p-4w" data-testid="timed-warning">
        <h2 className="fr-h4" ref={headingRef} tabIndex={-1}>
          Épreuve chronométrée
        </h2>
        <p>
          Vous disposerez de <strong>{formatSeconds(challenge.timer as number)}</strong> pour répondre à la prochaine question. Une fois le
          temps écoulé, vous pourrez encore répondre, mais votre réponse ne sera pas comptée comme juste.
        </p>
        <Button onClick={start} iconId="fr-icon-timer-line">
          Commencer l'épreuve
        </Button>
      </div>
    );
  }

  const remaining = timed && startedAt !== null ? Math.max(0, Math.ceil((challenge.timer as number) - (now - startedAt) / 1000)) : null;

  return (
    <div>
      <h2 className="fr-sr-only" ref={headingRef} tabIndex={-1}>
        Question
      </h2>
      {remaining !== null && (
        <p className={`pix-timer ${remaining === 0 ? 'pix-timer--over' : ''}`} role="timer" aria-live={remaining <= 10 ? 'assertive' : 'off'}>
          {remaining > 0 ? `Temps restant : ${formatSeconds(remaining)}` : 'Le temps imparti est écoulé.'}
        </p>
      )}
      {challenge.focused && (
        <div className={`fr-alert ${focusedOut ? 'fr-alert--warning' : 'fr-alert--info'} fr-alert--sm fr-mb-2w`} data-testid="focus-notice">
          <p>
            {focusedOut
              ? "Nous avons détecté que vous avez quitté la page pendant cette question."
              : 'Restez sur cette page : répondez sans chercher ailleurs, en vous fiant à vos connaissances.'}
          </p>
        </div>
      )}
      <ChallengeView
        challenge={challenge}
        disabled={props.saving}
        onSubmit={(value) => void answer(value)}
        onSkip={() => void answer('#ABAND#')}
      />
    </div>
  );
}

export function formatSeconds(total: number): string {
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return `${seconds} s`;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}
