/**
 * Shapes returned by the node's API, derived from the zod schemas that parse them (shared/src/api).
 * Import the schemas from there to call `api()`; import the types from here.
 */
export type { CampaignInfo, LoginResponse, OrganizationCampaign, RelayStatus } from '../../../shared/src/api/schemas';
export type { Me } from '../../../shared/src/accounts/me';
