import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../api/client.ts';
import { useAuthText } from '../auth/messages.ts';
import { useFieldText } from './messages.ts';

/** The officer signs in as themselves; the field app then reads who it is afresh. */
export function FieldSignIn() {
  const f = useFieldText();
  const { a } = useAuthText();
  const queryClient = useQueryClient();
  // Not the signed-in app's useSignIn: that drops every cached query, this page's session with them.
  const signIn = useMutation({
    mutationFn: (credentials: { username: string; password: string }) => sendJson('POST', '/api/auth/login', credentials),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['field-session'] }),
  });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  return (
    <form className="sign-in-card field-sign-in" onSubmit={(event) => {
      event.preventDefault();
      signIn.mutate({ username: username.trim(), password });
    }}>
      <h1>{f('title')}</h1>
      <p className="subtitle">{f('signInFirst')}</p>
      <label>{a('username')}<input data-testid="sign-in-username" autoComplete="username" value={username} onChange={(event) => setUsername(event.target.value)} /></label>
      <label>{a('password')}<input data-testid="sign-in-password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} /></label>
      {signIn.error && <p className="form-error" role="alert">{signIn.error.message}</p>}
      <button type="submit" className="primary" data-testid="sign-in-submit" disabled={signIn.isPending}>{a('signIn')}</button>
    </form>
  );
}
