import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { LanguageProvider } from './i18n/language.tsx';

/**
 * Renders one of the web app's pages (the signed-in app, the hotline, the field app) into `#root`, with its
 * react-query client and the UI language.
 */
export function mountPage(page: ReactNode, queries: { networkMode?: 'online' | 'always' } = {}): void {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, ...queries } } });
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from the page');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <LanguageProvider>{page}</LanguageProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
