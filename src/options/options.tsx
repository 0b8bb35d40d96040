import { render } from 'preact';
import { OptionsApp } from './options-app.tsx';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
