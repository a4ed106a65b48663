import { App } from './App.tsx';
import { HotlinePage } from './hotline/HotlinePage.tsx';
import { SignInPage } from './auth/SignInPage.tsx';
import { useAuthText } from './auth/messages.ts';
import { useSession } from './auth/session.ts';
import { useLanguage } from './i18n/language.tsx';

/** The public hotline's addresses: Vietnamese first, English alias. */
export const HOTLINE_PATHS = ['/bao-tin', '/hotline'];

/** Chooses the page: the public hotline, the sign-in form for the public, the workspace for a signed-in user. */
export function Root() {
  return HOTLINE_PATHS.some((path) => location.pathname.startsWith(path)) ? <HotlinePage /> : <SignedInRoot />;
}

function SignedInRoot() {
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
