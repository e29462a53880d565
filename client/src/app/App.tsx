/**
 * The application's top level: restores the session from the local database (works offline), refreshes
 * it from the node when reachable, and shows the login or the pupil's space.
 */
import { useCallback, useEffect, useState } from 'react';
import { meSchema } from '../../../shared/src/api/schemas';
import { ApiFailure, api } from '../api/http';
import type { Me } from '../api/types';
import { openUserDatabase, readProfile, saveProfile, type PupilDatabase } from '../db/database';
import type { ProfileDoc } from '../db/schemas';
import { LoginPage } from '../features/auth/LoginPage';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { Layout } from './Layout';
import { PupilProvider } from '../pupil/pupil-data';
import { forgetUser, rememberUser, rememberedUserId } from './session';
import { SignedInShell } from './SignedInShell';

type State =
  | { kind: 'loading' }
  | { kind: 'anonymous'; notice?: string }
  | { kind: 'signed-in'; db: PupilDatabase; profile: ProfileDoc };

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const enter = useCallback(async (me: Me) => {
    const db = await openUserDatabase(me.id);
    await saveProfile(db, me, new Date());
    await rememberUser(me.id);
    const profile = await readProfile(db, me.id);
    if (profile) setState({ kind: 'signed-in', db, profile });
  }, []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const userId = await rememberedUserId();
      if (cancelled) return;
      if (!userId) {
        setState({ kind: 'anonymous' });
        return;
      }
      const db = await openUserDatabase(userId);
      const profile = await readProfile(db, userId);
      if (cancelled) return;
      if (profile) setState({ kind: 'signed-in', db, profile });
      try {
        const me = await api('/api/me', meSchema);
        if (!cancelled && me.id === userId) await enter(me);
      } catch (error) {
        if (cancelled) return;
        if (error instanceof ApiFailure && error.status === 401) {
          forgetUser();
          setState({ kind: 'anonymous', notice: 'Votre session a expiré. Connectez-vous à nouveau.' });
        } else if (!profile) {
          setState({ kind: 'anonymous', notice: 'Connectez-vous une première fois avec internet pour utiliser Pix hors ligne.' });
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [enter]);

  return (
    <>
      {state.kind === 'signed-in' ? (
        <PupilProvider db={state.db} profile={state.profile}>
          <SignedInShell onSignedOut={(notice) => setState({ kind: 'anonymous', notice })} />
        </PupilProvider>
      ) : (
        <Layout firstName={null} onLogout={() => undefined} signedIn={false}>
          {state.kind === 'loading' && <p className="fr-py-6w">Chargement…</p>}
          {state.kind === 'anonymous' && <LoginPage notice={state.notice} onLoggedIn={enter} />}
        </Layout>
      )}
      <UpdatePrompt />
    </>
  );
}
