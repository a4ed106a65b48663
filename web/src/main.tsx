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

mountPage(<Root />);
