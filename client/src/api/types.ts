/** Shapes returned by the node's API: the contracts live in shared/. */
export type { Me } from '../../../shared/src/accounts/me';
