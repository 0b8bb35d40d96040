import { useState } from 'preact/hooks';
import { useI18n } from './i18n.ts';

/** Copies `text` to the clipboard and says so, politely, for screen readers too. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    // Back to idle first, so that copying again is announced again.
    setStatus('idle');
    navigator.clipboard.writeText(text).then(() => setStatus('copied'), () => setStatus('failed'));
  };
  return (
    <span class="copy">
      <button type="button" class="button secondary" onClick={copy}>{label ?? t('copy')}</button>
      <span role="status" class="copy-status">{status === 'copied' ? t('copied') : status === 'failed' ? t('copyFailed') : ''}</span>
    </span>
  );
}
