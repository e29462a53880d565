/** What the routes of a node need, wired by hand in main.ts (and by the tests). */
import type { PackIndex } from '../../shared/src/model/pack-index';
import type { PackDownload } from './content/content-pack';
import type { Db } from './db/database';
import type { RelayState } from './relay/relay-state';
import type { SyncEvents } from './sync/sync-events';

export interface NodeConfig {
  /** central: no upstream; relay: forwards to `upstream` */
  mode: 'central' | 'relay';
  upstream: string | null;
  version: string;
}

export interface AppDeps {
  db: Db;
  config: NodeConfig;
  now: () => Date;
  log: (line: string) => void;
  /** folder of the built PWA (dist/), served at / ; absent in API-only tests */
  staticRoot?: string;
  /** the content pack answers are re-scored against; sync answers 503 without it */
  content?: PackIndex;
  /** the same pack as devices download it (GET /content/pack.json, logged-in users) */
  packDownload?: PackDownload;
  /** change notifications for the live sync stream */
  syncEvents?: SyncEvents;
  /** relay mode: the forwarder's state (health, status page) */
  relay?: RelayState;
}

export type AppEnv = { Variables: { userId: string } };
