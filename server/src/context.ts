/** What the routes of a node need, wired by hand in main.ts (and by the tests). */
import type { Db } from './db/database';

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
}

export type AppEnv = { Variables: { userId: string } };
