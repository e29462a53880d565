/**
 * "Mes tutos": tutorials recommended after the skills the pupil failed, and the ones saved; readable
 * offline (summary), with the link out when online.
 */
import { useState } from 'react';
import { currentKnowledgeElements } from '../../../../shared/src/scoring/knowledge-elements';
import type { Tutorial } from '../../../../shared/src/model/types';
import { usePupil } from '../../pupil/pupil-data';
import { TutorialCard } from './TutorialCard';

export function MyTutorialsPage() {
  const pupil = usePupil();
  const [tab, setTab] = useState<'recommended' | 'saved'>('recommended');
  const { index } = pupil;
  if (!index) return <p className="fr-py-6w">Chargement…</p>;
  const failed = currentKnowledgeElements(pupil.knowledge.history).filter((ke) => ke.status === 'invalidated' && ke.source === 'direct');
  const recommended = new Map<string, Tutorial>();
  for (const ke of failed) {
    for (const id of index.skillsById.get(ke.skillId)?.tutorialIds ?? []) {
      const tutorial = index.tutorialsById.get(id);
      if (tutorial) recommended.set(id, tutorial);
    }
  }
  const saved = pupil.tutorials
    .filter((t) => t.saved)
    .map((t) => index.tutorialsById.get(t.tutorialId))
    .filter((t): t is Tutorial => t !== undefined);
  const list = tab === 'recommended' ? [...recommended.values()] : saved;
  return (
    <div className="fr-py-4w">
      <h1>Mes tutos</h1>
      <div className="fr-tabs">
        <ul className="fr-tabs__list" role="tablist" aria-label="Mes tutos">
          {(['recommended', 'saved'] as const).map((t) => (
            <li key={t} role="presentation">
              <button
                type="button"
                className="fr-tabs__tab"
                role="tab"
                id={`tab-${t}`}
                aria-selected={tab === t}
                aria-controls="tutorials-panel"
                tabIndex={tab === t ? 0 : -1}
                onClick={() => setTab(t)}
              >
                {t === 'recommended' ? `Recommandés (${recommended.size})` : `Enregistrés (${saved.length})`}
              </button>
            </li>
          ))}
        </ul>
        <div id="tutorials-panel" className="fr-tabs__panel fr-tabs__panel--selected" role="tabpanel" aria-labelledby={`tab-${tab}`} tabIndex={0}>
          {list.length === 0 ? (
            <p data-testid="tutorials-empty">
              {tab === 'recommended'
                ? 'Pas encore de tuto recommandé : ils apparaîtront ici après vos premières réponses.'
                : "Vous n'avez pas encore enregistré de tuto. Utilisez « Enregistrer » dans la correction d'une question."}
            </p>
          ) : (
            list.map((tutorial) => <TutorialCard key={tutorial.id} tutorial={tutorial} />)
          )}
        </div>
      </div>
    </div>
  );
}
