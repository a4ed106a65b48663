import { mountPage } from './mount.tsx';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '@fontsource/noto-sans/vietnamese-700.css';
import './app.css';
import './layout/layout.css';
import { Root } from './Root.tsx';
import { MISSING_LABELS } from './i18n/vocabulary-labels.ts';

// The language test (tests/e2e/languages.test.ts) fails on any code shown without a label.
window.__netguardMissingLabels = MISSING_LABELS;

mountPage(<Root />);
