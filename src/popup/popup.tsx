import { render } from 'preact';
import { PopupApp } from './popup-app.tsx';

const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
