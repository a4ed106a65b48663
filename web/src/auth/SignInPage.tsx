import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useAppTitle } from '../area/use-app-title.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useAuthText } from './messages.ts';
import { useSignIn } from './session.ts';

function errorText(error: unknown, a: ReturnType<typeof useAuthText>['a']): string {
  if (error instanceof ApiError && error.status === 429) return a('paused').replace('{s}', String(error.details?.retryAfterSeconds ?? 60));
  if (error instanceof ApiError && error.status === 401) return a('wrongCredentials');
  return error instanceof Error ? error.message : String(error);
}

/** The sign-in form, with the demo accounts named (they exist only in a demo database) and the public hotline linked. */
export function SignInPage() {
  const { language, t, toggleLanguage } = useLanguage();
  const { a } = useAuthText();
  const title = useAppTitle();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ username: username.trim(), password });
  };
  return (
    <div className="sign-in-page">
      <form className="sign-in-card" onSubmit={submit} data-testid="sign-in-form">
        <div className="sign-in-head">
          <h1 data-testid="app-title">{title}</h1>
          <button type="button" className="lang-toggle" data-testid="lang-toggle" onClick={toggleLanguage} lang={language === 'vi' ? 'en' : 'vi'} translate="no">{t('languageToggle')}</button>
        </div>
        <p className="subtitle">{t('appSubtitle')}</p>
        <h2>{a('signInTitle')}</h2>
        <label>{a('username')}
          <input data-testid="sign-in-username" autoComplete="username" value={username} onChange={(event) => setUsername(event.target.value)} required autoFocus />
        </label>
        <label>{a('password')}
          <input data-testid="sign-in-password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
        </label>
        {signIn.error && <p className="form-error" role="alert" data-testid="sign-in-error">{errorText(signIn.error, a)}</p>}
        <button type="submit" className="primary" data-testid="sign-in-submit" disabled={signIn.isPending}>{signIn.isPending ? a('signingIn') : a('signIn')}</button>
        <p className="hint">{a('demoAccounts')}</p>
        <a href="/bao-tin" data-testid="hotline-link">{a('hotlineLink')}</a>
        <p className="synthetic-note">{t('syntheticBadge')}</p>
      </form>
    </div>
  );
}
