/**
 * The only state of this device that belongs to no user: which user is signed in, so that a reload with
 * no network knows whose local database to open before asking the node anything. A tiny IndexedDB
 * database of its own (plain IndexedDB: RxDB bundles its own Dexie, and a second Dexie in the page is
 * refused), never Web Storage; the key is deleted at logout. Adding a key here is a decision: record it
 * in docs/adr/0003-per-device-state.md.
 */

export const DEVICE_DATABASE_NAME = 'pix-appareil';
const STORE = 'entries';

/** every device-level key there is */
export type DeviceKey = 'signed-in-user';

interface DeviceEntry {
  key: DeviceKey;
  value: string;
}

let device: Promise<IDBDatabase> | null = null;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB'));
  });
}

function open(): Promise<IDBDatabase> {
  device ??= new Promise<IDBDatabase>((resolve, reject) => {
    const opening = indexedDB.open(DEVICE_DATABASE_NAME, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'key' });
    opening.onsuccess = () => {
      const db = opening.result;
      // another tab deleting or upgrading the database: let it, reopen on the next call
      db.onversionchange = () => {
        db.close();
        device = null;
      };
      resolve(db);
    };
    opening.onerror = () => reject(opening.error ?? new Error('IndexedDB'));
    opening.onblocked = () => reject(new Error('base de l’appareil bloquée par un autre onglet'));
  });
  device.catch(() => {
    device = null;
  });
  return device;
}

async function store(mode: IDBTransactionMode): Promise<{ entries: IDBObjectStore; done: Promise<void> }> {
  const transaction = (await open()).transaction(STORE, mode);
  const done = new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB'));
  });
  return { entries: transaction.objectStore(STORE), done };
}

export async function readDeviceKey(key: DeviceKey): Promise<string | null> {
  const { entries } = await store('readonly');
  const entry = (await request(entries.get(key))) as DeviceEntry | undefined;
  return entry?.value ?? null;
}

export async function writeDeviceKey(key: DeviceKey, value: string): Promise<void> {
  const { entries, done } = await store('readwrite');
  const entry: DeviceEntry = { key, value };
  entries.put(entry);
  await done;
}

export async function deleteDeviceKey(key: DeviceKey): Promise<void> {
  const { entries, done } = await store('readwrite');
  entries.delete(key);
  await done;
}

/** for tests: closes the connection so the next call reopens it (as a reload would) */
export async function closeDeviceDatabase(): Promise<void> {
  const current = device;
  device = null;
  (await current?.catch(() => null))?.close();
}
