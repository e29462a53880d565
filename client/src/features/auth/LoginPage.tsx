/**
 * "Connexion": e-mail or username and password; the server's French message on failure. After too many
 * failures the server asks to wait (429, ADR 0004): the message says for how long, announced once, and the
 * button counts the seconds down, then lets the pupil try again.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useState, type FormEvent } from 'react';
import { loginResponseSchema } from '../../../../shared/src/api/schemas';
import { ApiFailure, api } from '../../api/http';
import type { Me } from '../../api/types';
import { retryAtOf, secondsLeft } from './login-wait';

export function LoginPage(props: { notice?: string; onLoggedIn: (me: Me) => Promise<void> }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  /** when the server lets the next attempt in, while it asks to wait */
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [nowMs, setNowMs] = useState(() => Date.now());

  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNowMs(t);
      if (t >= retryAt) {
        setRetryAt(null);
        setError(null);
      }
    }, 250);
    return () => clearInterval(timer);
  }, [retryAt]);

  const waitSeconds = retryAt === null ? 0 : secondsLeft(retryAt, nowMs);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (waitSeconds > 0) return;
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
      const t = Date.now();
      setNowMs(t);
      setRetryAt(retryAtOf(failure, t));
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
          <Button type="submit" disabled={pending || waitSeconds > 0}>
            {pending ? 'Connexion…' : waitSeconds > 0 ? `Réessayez dans ${waitSeconds} s` : 'Je me connecte'}
          </Button>
        </form>
      </div>
    </div>
  );
}
