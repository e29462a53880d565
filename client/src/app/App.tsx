/**
 * The application's top level: restores the session from the local database (works offline), refreshes
 * it from the node when reachable, and shows the login or the pupil's space.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { ApiFailure, api } from '../api/http';
import type { Me } from '../api/types';
import { openUserDatabase, readProfile, saveProfile, type PupilDatabase } from '../db/database';
import type { ProfileDoc } from '../db/schemas';
import { LoginPage } from '../features/auth/LoginPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { Layout } from './Layout';
import { Link, usePath } from './router';
import { forgetUser, rememberUser, rememberedUserId } from './session';

type State =
  | { kind: 'loading' }
  | { kind: 'anonymous'; notice?: string }
  | { kind: 'signed-in'; db: PupilDatabase; profile: ProfileDoc };

// The content preview is for teachers: loaded on demand, outside the pupil's initial bundle.
const PreviewPage = lazy(() => import('../features/preview/PreviewPage').then((m) => ({ default: m.PreviewPage })));

function isTeacher(profile: ProfileDoc): boolean {
  try {
    const details = JSON.parse(profile.details) as Partial<Me>;
    return (details.organizations?.length ?? 0) > 0;
  } catch {
    return false;
  }
}

function SignedIn(props: { profile: ProfileDoc }) {
  const path = usePath();
  const preview = /^\/apercu(?:\/([\d.]+))?\/?$/.exec(path);
  const teacher = isTeacher(props.profile);
  if (preview) {
    if (teacher || import.meta.env.DEV) {
      return (
        <Suspense fallback={<p className="fr-py-6w">Chargement…</p>}>
          <PreviewPage competenceIndex={preview[1] ?? null} />
        </Suspense>
      );
    }
    return (
      <div className="fr-alert fr-alert--warning fr-my-4w">
        <p>L'aperçu du contenu est réservé aux enseignants.</p>
      </div>
    );
  }
  return (
    <>
      {teacher && (
        <p className="fr-mt-3w fr-mb-0">
          <Link href="/apercu" className="fr-link fr-icon-arrow-right-line fr-link--icon-right">
            Aperçu du contenu (épreuves et solutions)
          </Link>
        </p>
      )}
      <ProfilePage profile={props.profile} />
    </>
  );
}

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const enter = useCallback(async (me: Me) => {
    const db = await openUserDatabase(me.id);
    await saveProfile(db, me, new Date());
    rememberUser(me.id);
    const profile = await readProfile(db, me.id);
    if (profile) setState({ kind: 'signed-in', db, profile });
  }, []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const userId = rememberedUserId();
      if (!userId) {
        setState({ kind: 'anonymous' });
        return;
      }
      const db = await openUserDatabase(userId);
      const profile = await readProfile(db, userId);
      if (cancelled) return;
      if (profile) setState({ kind: 'signed-in', db, profile });
      try {
        const me = await api<Me>('/api/me');
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

  const logout = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } catch {
      // Offline: the cookie will be refused by the node later anyway; the device forgets the user now.
    }
    forgetUser();
    setState({ kind: 'anonymous' });
  }, []);

  return (
    <>
      <Layout firstName={state.kind === 'signed-in' ? state.profile.firstName : null} onLogout={logout}>
        {state.kind === 'loading' && <p className="fr-py-6w">Chargement…</p>}
        {state.kind === 'anonymous' && <LoginPage notice={state.notice} onLoggedIn={enter} />}
        {state.kind === 'signed-in' && <SignedIn profile={state.profile} />}
      </Layout>
      <UpdatePrompt />
    </>
  );
}
