import { mountPage } from '../mount.tsx';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/vietnamese-700.css';
import '@fontsource/noto-sans/latin-700.css';
import '../app.css';
import '../layout/layout.css';
import './hotline.css';
import { HotlinePage } from './HotlinePage.tsx';

/** The citizens' hotline page (`/bao-tin`): its own entry, so a phone on a slow connection loads only what it needs. */
mountPage(<HotlinePage />);
