import { App } from './App.tsx';
import { SignInPage } from './auth/SignInPage.tsx';
import { useAuthText } from './auth/messages.ts';
import { useSession } from './auth/session.ts';
import { useLanguage } from './i18n/language.tsx';

/**
 * The signed-in app: the sign-in form for the public, the workspace for a signed-in user. The hotline (`/bao-tin`)
 * and the field app (`/thuc-dia`) are pages of their own (server/pages.ts).
 */
export function Root() {
  const session = useSession();
  const { t } = useLanguage();
  const { a } = useAuthText();
  if (session.isPending) return <div className="page-status" role="status"><span className="spinner" />{a('checking')}</div>;
  if (session.error) {
    return (
      <div className="page-status" role="alert">
        {t('errorLoading')}: {session.error.message} <button type="button" onClick={() => void session.refetch()}>{t('retry')}</button>
      </div>
    );
  }
  return session.data.user ? <App user={session.data.user} /> : <SignInPage />;
}
