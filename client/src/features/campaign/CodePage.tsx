/** "J'ai un code": the pupil types the code of a parcours given by the teacher. */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent } from 'react';
import { CAMPAIGN_CODE_INPUT, normaliseCampaignCode } from '../../../../shared/src/campaign/campaign-code';
import { navigate } from '../../app/router';

export function CodePage() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalised = normaliseCampaignCode(code);
    if (!CAMPAIGN_CODE_INPUT.test(normalised)) {
      setError('Le code doit comporter 9 caractères (6 lettres puis 3 chiffres), par exemple ABCDEF123.');
      return;
    }
    navigate(`/campagnes/${normalised}`);
  };
  return (
    <div className="fr-grid-row fr-grid-row--center fr-py-6w">
      <form className="fr-col-12 fr-col-md-8 fr-col-lg-6" onSubmit={submit} noValidate>
        <h1>J'ai un code</h1>
        <p>Saisissez le code du parcours donné par votre enseignant ou votre organisation.</p>
        <Input
          label="Code du parcours"
          state={error ? 'error' : 'default'}
          stateRelatedMessage={error ?? undefined}
          nativeInputProps={{ value: code, onChange: (e) => setCode(e.target.value), autoCapitalize: 'characters', autoComplete: 'off', maxLength: 12 }}
        />
        <Button type="submit">Accéder au parcours</Button>
      </form>
    </div>
  );
}
