import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '@fontsource/noto-sans/vietnamese-700.css';
import './app.css';
import { Root } from './Root.tsx';
import { LanguageProvider } from './i18n/language.tsx';
import { MISSING_LABELS } from './i18n/vocabulary-labels.ts';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

// The language test (tests/e2e/languages.test.ts) fails on any code shown without a label.
window.__netguardMissingLabels = MISSING_LABELS;

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <Root />
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);
