/** Shapes returned by the node's API (mirrors server/src/auth/users.ts `Me`). */
export interface Me {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  username: string | null;
  organizations: { id: string; name: string; type: string; role: 'ADMIN' | 'MEMBER' }[];
  certificationCenters: { id: string; name: string; role: 'ADMIN' | 'MEMBER' }[];
  learnerOf: { organizationId: string; organizationName: string; division: string | null }[];
}
