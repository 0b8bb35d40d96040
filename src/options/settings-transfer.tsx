import { useState } from 'preact/hooks';
import type { Settings } from '../core/settings.ts';
import { exportSettings, importSettings } from '../core/settings-file.ts';
import { useI18n } from '../ui/i18n.ts';
import { settingName } from './settings-draft.ts';
import { errorText } from '../ui/error-text.ts';
import type { UserMessage } from '../core/message-key.ts';

/** Download the settings and templates as JSON; load them back. A bad file changes nothing. */
export function SettingsTransfer({ settings, unsaved = false, onImport }: { settings: Settings; unsaved?: boolean; onImport: (settings: Settings) => Promise<UserMessage | undefined> }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);

  const download = () => {
    const blob = new Blob([exportSettings(settings, Date.now())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'interview-standby-settings.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const result = importSettings(await file.text());
    if (!result.ok) {
      // Named as the page names them, in the page's language; each name once.
      const names = [...new Set((result.paths ?? []).map((path) => settingName(path, t)))];
      const detail = names.length > 0 ? ` ${names.join('; ')}` : '';
      setMessage({ ok: false, text: `${t(result.error.key)}${detail}` });
      return;
    }
    const refused = await onImport(result.settings);
    setMessage(refused ? { ok: false, text: errorText(t, refused) } : { ok: true, text: t('importDone') });
  };

  return (
    <fieldset id="section-transfer">
      <legend>{t('transferTitle')}</legend>
      <p class="hint">{t('transferHint')}</p>
      {unsaved && <p class="hint">{t('transferUnsaved')}</p>}
      <div class="save-row">
        <button type="button" class="button" onClick={download}>{t('exportButton')}</button>
        <input id="import-file" class="visually-hidden" type="file" accept="application/json,.json"
          onChange={(e) => { void upload(e.currentTarget.files?.[0]); e.currentTarget.value = ''; }} />
        <label class="button" for="import-file">{t('importButton')}</label>
      </div>
      <p role="status" class={message?.ok === false ? 'error-text' : 'hint'}>{message?.text ?? ''}</p>
    </fieldset>
  );
}
