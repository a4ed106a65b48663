import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/vietnamese-700.css';
import '@fontsource/noto-sans/latin-700.css';
import '../app.css';
import '../layout/layout.css';
import './hotline.css';
import { LanguageProvider } from '../i18n/language.tsx';
import { HotlinePage } from './HotlinePage.tsx';

/** The citizens' hotline page (`/bao-tin`): its own entry, so a phone on a slow connection loads only what it needs. */
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from bao-tin.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <HotlinePage />
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);
