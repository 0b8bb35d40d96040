import { useState } from 'preact/hooks';
import type { Settings } from '../core/settings.ts';
import { send } from '../platform/messages.ts';
import { useI18n } from '../ui/i18n.ts';
import { errorText } from '../ui/error-text.ts';
import { Field } from '../ui/field.tsx';

/**
 * Never nameless: until the profile has a name and a phone number, the voicemail and every email
 * would leave them out. A short prompt asks for the two, right here.
 */
export function ProfilePrompt({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const [name, setName] = useState(settings.profile.name);
  const [phone, setPhone] = useState(settings.profile.phone);
  const [error, setError] = useState('');
  if (settings.profile.name.trim() !== '' && settings.profile.phone.trim() !== '') return null;
  const submit = (event: Event) => {
    event.preventDefault();
    if (name.trim() === '' || phone.trim() === '') {
      setError(t('profilePromptMissing'));
      (document.getElementById(name.trim() === '' ? 'profile-name' : 'profile-phone') as HTMLInputElement | null)?.focus();
      return;
    }
    setError('');
    void send('save-settings', { settings: { ...settings, profile: { ...settings.profile, name: name.trim(), phone: phone.trim() } } }).then((result) => {
      if (!result.ok) setError(errorText(t, result.error));
    });
  };
  return (
    <form class="notice profile-prompt" onSubmit={submit} noValidate aria-labelledby="profile-prompt-title">
      <p id="profile-prompt-title">{t('profilePrompt')}</p>
      <div class="field-row">
        <Field id="profile-name" label={t('optionsName')}>
          <input type="text" autoComplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field id="profile-phone" label={t('optionsPhone')}>
          <input type="tel" autoComplete="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
        </Field>
      </div>
      <button type="submit" class="button">{t('profilePromptSave')}</button>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}
