import { useAuthText } from './messages.ts';
import { useSignOut, type SessionUser } from './session.ts';

/** Who is signed in (name, role, organisation) and the sign-out button. */
export function UserMenu({ user }: { user: SessionUser }) {
  const { a, roleLabel } = useAuthText();
  const signOut = useSignOut();
  return (
    <div className="user-menu" data-testid="user-menu">
      <span className="user-name" title={user.organisation} translate="no">{user.displayName}</span>
      <span className={`role-badge role-${user.role}`} data-testid="user-role">{roleLabel(user.role)}</span>
      <button type="button" data-testid="sign-out" onClick={() => signOut.mutate()} disabled={signOut.isPending}>{a('signOut')}</button>
    </div>
  );
}
