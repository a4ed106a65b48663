import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getJson, sendJson, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';

export type Role = 'admin' | 'police_planner' | 'carrier_editor' | 'dic_reviewer' | 'viewer';
export type SessionUser = { username: string; displayName: string; role: Role; organisation: string; carrier: string | null };
type SessionAnswer = { user: SessionUser | null; csrfToken: string | null; csrfHeader: string };

// The session query's observer must survive: removing it too would leave Root watching a dropped query.
const notSession = (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== queryKeys.session()[0];

/** Security staff: key targets, incident details, analysis and patrols. */
export const isSecurity = (user: SessionUser): boolean => user.role === 'admin' || user.role === 'police_planner' || user.role === 'dic_reviewer';

/** The signed-in user (null for the public); keeps the API client's CSRF token in step and signs out on any 401. */
export function useSession() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.session(), queryFn: ({ signal }) => getJson<SessionAnswer>('/api/auth/session', signal), staleTime: Infinity });
  useEffect(() => {
    if (query.data) setCsrfToken(query.data.csrfToken, query.data.csrfHeader);
  }, [query.data]);
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      queryClient.setQueryData<SessionAnswer>(queryKeys.session(), { user: null, csrfToken: null, csrfHeader: 'X-CSRF-Token' });
    });
  }, [queryClient]);
  return query;
}

/** Signs in; on success every cached answer is dropped, since what the user may read has changed. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) => sendJson<SessionAnswer>('POST', '/api/auth/login', credentials),
    onSuccess: (answer) => {
      setCsrfToken(answer.csrfToken, answer.csrfHeader);
      queryClient.removeQueries({ predicate: notSession });
      queryClient.setQueryData(queryKeys.session(), answer);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<void>('POST', '/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: notSession });
      queryClient.setQueryData<SessionAnswer>(queryKeys.session(), { user: null, csrfToken: null, csrfHeader: 'X-CSRF-Token' });
    },
  });
}
