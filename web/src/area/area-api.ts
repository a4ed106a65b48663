import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import type { PublicArea } from '../../../server/deployment/public-area.ts';

export type { PublicArea, PublicOrganisation } from '../../../server/deployment/public-area.ts';

/** The deployment's names and today's organisations (`GET /api/area`, public). */
export const fetchArea = (signal?: AbortSignal) => getJson<PublicArea>('/api/area', signal);

/** The deployment's area, fetched once per page: it changes only with a new deployment. */
export function useArea() {
  return useQuery({ queryKey: queryKeys.area(), queryFn: ({ signal }) => fetchArea(signal), staleTime: Infinity, gcTime: Infinity, retry: 3 });
}
