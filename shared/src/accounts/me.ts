/** The signed-in user as the API returns it (`GET /api/me`, login): one contract for node and browser. */
export type MembershipRole = 'ADMIN' | 'MEMBER';

export interface Me {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  username: string | null;
  organizations: { id: string; name: string; type: string; role: MembershipRole }[];
  certificationCenters: { id: string; name: string; role: MembershipRole }[];
  learnerOf: { organizationId: string; organizationName: string; division: string | null }[];
}
