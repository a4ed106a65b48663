/** The API's assignment, as `server/field/assignments.ts` builds it. */
export type { AssignedStop, Assignment } from '../../../server/field/assignments.ts';
