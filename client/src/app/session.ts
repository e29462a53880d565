/**
 * Who is signed in on this device. The server session lives in an HttpOnly cookie; the device only
 * remembers the user id (db/device.ts, IndexedDB), so that an offline reload knows whose local database
 * to open. Operations run in call order: a logout's forgetting always lands before the next sign-in.
 */
import { deleteDeviceKey, readDeviceKey, writeDeviceKey } from '../db/device';

let queue: Promise<unknown> = Promise.resolve();

function inOrder<T>(operation: () => Promise<T>): Promise<T> {
  const result = queue.then(operation, operation);
  queue = result.catch(() => undefined);
  return result;
}

/** null when nobody is signed in, or when this browser refuses IndexedDB */
export function rememberedUserId(): Promise<string | null> {
  return inOrder(() => readDeviceKey('signed-in-user')).catch((error: unknown) => {
    console.warn('Utilisateur connecté illisible sur cet appareil', error);
    return null;
  });
}

export function rememberUser(userId: string): Promise<void> {
  return inOrder(() => writeDeviceKey('signed-in-user', userId)).catch((error: unknown) => {
    // the pupil stays signed in for this page; only an offline reload will ask them to log in again
    console.warn("Utilisateur connecté non enregistré sur cet appareil", error);
  });
}

/** At logout (synchronous for the caller: the next read or write waits for it). */
export function forgetUser(): void {
  inOrder(() => deleteDeviceKey('signed-in-user')).catch((error: unknown) => console.warn("Déconnexion non enregistrée sur cet appareil", error));
}
