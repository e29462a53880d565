/** "Connexion": e-mail or username and password; the server's French message on failure. */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent } from 'react';
import { loginResponseSchema } from '../../../../shared/src/api/schemas';
import { ApiFailure, api } from '../../api/http';
import type { Me } from '../../api/types';

export function LoginPage(props: { notice?: string; onLoggedIn: (me: Me) => Promise<void> }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!login.trim() || !password) {
      setError('Saisissez votre adresse e-mail ou votre identifiant, et votre mot de passe.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await api('/api/auth/login', loginResponseSchema, { body: { login: login.trim(), password } });
      await props.onLoggedIn(result.user);
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : 'La connexion a échoué. Réessayez.');
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="fr-grid-row fr-grid-row--center fr-py-6w">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Connexion</h1>
        <p>Connectez-vous à votre espace Pix. Une fois connecté, vous pouvez continuer même sans internet.</p>
        {props.notice && <Alert severity="info" small description={props.notice} className="fr-mb-3w" />}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Input
            label="Adresse e-mail ou identifiant"
            hintText="Par exemple : prenom.nom1203"
            nativeInputProps={{ name: 'login', autoComplete: 'username', value: login, onChange: (e) => setLogin(e.target.value), required: true }}
          />
          <Input
            label="Mot de passe"
            nativeInputProps={{
              name: 'password',
              type: 'password',
              autoComplete: 'current-password',
              value: password,
              onChange: (e) => setPassword(e.target.value),
              required: true,
            }}
          />
          {error && <Alert severity="error" small description={error} className="fr-mb-3w" />}
          <Button type="submit" disabled={pending}>
            {pending ? 'Connexion…' : 'Je me connecte'}
          </Button>
        </form>
      </div>
    </div>
  );
}
