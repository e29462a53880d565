/**
 * Registers the service worker (workbox-window through vite-plugin-pwa) and, when a new version is
 * waiting, offers "Nouvelle version disponible — Mettre à jour" instead of reloading under the pupil.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useRegisterSW } from 'virtual:pwa-register/react';

export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });
  if (!needRefresh) return null;
  return (
    <div className="pix-update fr-p-2w" role="alertdialog" aria-live="polite" aria-label="Mise à jour disponible">
      <p className="fr-mb-1w">Nouvelle version disponible</p>
      <div className="pix-update__actions">
        <Button size="small" onClick={() => void updateServiceWorker(true)}>
          Mettre à jour
        </Button>
        <Button size="small" priority="tertiary" onClick={() => setNeedRefresh(false)}>
          Plus tard
        </Button>
      </div>
    </div>
  );
}
