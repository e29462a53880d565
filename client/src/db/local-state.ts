/**
 * Screen state of the signed-in user on this device, in their local database (`localState` collection):
 * the game rules seen, the last checkpoint seen of a test, when a challenge was started (a reload must not
 * reset its timer) and whether the page was left during it. Never in Web Storage: on a shared school PC
 * it would outlive the logout and show one pupil's state to the next.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PupilDatabase } from './database';

export const localKeys = {
  rulesSeen: 'rules-seen',
  checkpointSeen: (assessmentId: string) => `checkpoint-seen:${assessmentId}`,
  challengeStarted: (assessmentId: string, challengeId: string) => `challenge-started:${assessmentId}:${challengeId}`,
  focusLost: (assessmentId: string, challengeId: string) => `focus-lost:${assessmentId}:${challengeId}`,
};

export async function readLocal(db: PupilDatabase, key: string): Promise<string | null> {
  const doc = await db.localState.findOne(key).exec();
  return doc ? doc.value : null;
}

export async function writeLocal(db: PupilDatabase, key: string, value: string, now = new Date()): Promise<void> {
  await db.localState.upsert({ id: key, value, updatedAt: now.toISOString() });
}

export async function removeLocal(db: PupilDatabase, keys: string[]): Promise<void> {
  await db.localState.bulkRemove(keys);
}

export interface LocalState {
  /** false until the database answered: do not act on `value` before */
  loaded: boolean;
  value: string | null;
  /** updates the screen at once and the database in the background; null removes the key */
  set: (value: string | null) => void;
}

/** One key of the local state as React state, read from the database when the key changes. */
export function useLocalState(db: PupilDatabase, key: string): LocalState {
  const [state, setState] = useState<{ key: string; value: string | null } | null>(null);
  // A value set before the first read answered wins over what the read finds.
  const written = useRef<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    written.current = null;
    readLocal(db, key).then(
      (value) => !cancelled && written.current !== key && setState({ key, value }),
      () => !cancelled && written.current !== key && setState({ key, value: null }),
    );
    return () => {
      cancelled = true;
    };
  }, [db, key]);
  const set = useCallback(
    (value: string | null) => {
      written.current = key;
      setState({ key, value });
      const saving = value === null ? removeLocal(db, [key]) : writeLocal(db, key, value);
      saving.catch((error: unknown) => console.warn(`État local « ${key} » non enregistré`, error));
    },
    [db, key],
  );
  const loaded = state !== null && state.key === key;
  return { loaded, value: loaded ? state.value : null, set };
}
