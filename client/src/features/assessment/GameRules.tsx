/** The four "règles du jeu" cards shown at the first use, with "Suivant" and "Je commence". */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';

const CARDS = [
  { title: 'Vous pouvez rechercher sur internet', text: 'Si vous ignorez une réponse, elle se trouve sûrement sur internet.' },
  { title: 'Des tutos pour apprendre', text: 'Accédez à des tutos pour apprendre davantage sur chaque question et progresser.' },
  {
    title: 'Pas de limite de temps !',
    text: 'Prenez le temps nécessaire pour terminer votre parcours. Si une question est chronométrée, cela vous sera indiqué.',
  },
  { title: 'Un niveau de difficulté adapté', text: 'En fonction de vos réponses, Pix adapte la difficulté des questions.' },
];

export function GameRules(props: { onDone: () => void }) {
  const [step, setStep] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [step]);
  const card = CARDS[step];
  const last = step === CARDS.length - 1;
  return (
    <section className="pix-rules fr-p-4w" aria-labelledby="rules-title" data-testid="game-rules">
      <p className="fr-text--sm" id="rules-title">
        Les règles du jeu — {step + 1} / {CARDS.length}
      </p>
      <h2 className="fr-h3" ref={headingRef} tabIndex={-1}>
        {card.title}
      </h2>
      <p>{card.text}</p>
      <div className="pix-rules__dots" aria-hidden="true">
        {CARDS.map((_, i) => (
          <span key={i} className={i === step ? 'pix-rules__dot pix-rules__dot--on' : 'pix-rules__dot'} />
        ))}
      </div>
      <div className="pix-challenge__actions">
        {step > 0 && (
          <Button priority="secondary" onClick={() => setStep(step - 1)}>
            Précédent
          </Button>
        )}
        {last ? <Button onClick={props.onDone}>Je commence</Button> : <Button onClick={() => setStep(step + 1)}>Suivant</Button>}
      </div>
    </section>
  );
}
