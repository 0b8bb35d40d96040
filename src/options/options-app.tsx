import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/settings.ts';
import type { SettingsErrors } from '../core/validate-settings.ts';
import { validateSettings } from '../core/validate-settings.ts';
import { resolveLocale } from '../core/build-draft.ts';
import { loadTranslator, uiLanguage } from '../platform/i18n.ts';
import { readState, writeState } from '../platform/storage.ts';
import { I18nContext, makeI18n } from '../ui/i18n.ts';
import type { I18n } from '../ui/i18n.ts';
import { Field } from '../ui/field.tsx';
import { GoogleSection } from './google-section.tsx';

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'invalid' } | { kind: 'failed'; message: string };

/** Settings: edited as a draft, validated as a whole, saved only when valid. */
export function OptionsApp() {
  const [draft, setDraft] = useState<Settings | undefined>(undefined);
  const [i18n, setI18n] = useState<I18n | undefined>(undefined);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    readState(Date.now()).then(({ state }) => setDraft(state.settings), (error: unknown) => console.error(error));
  }, []);
  const locale = draft ? resolveLocale(draft.language, uiLanguage()) : undefined;
  useEffect(() => {
    if (!locale) return;
    loadTranslator(locale).then((t) => {
      document.documentElement.lang = locale;
      document.title = t('optionsTitle');
      setI18n(makeI18n(locale, t));
      document.getElementById('app')?.setAttribute('aria-busy', 'false');
    }, (error: unknown) => console.error(error));
  }, [locale]);

  if (!draft || !i18n) return <p>…</p>;
  const { t } = i18n;
  const update = (change: (s: Settings) => Settings) => {
    setDraft(change(draft));
    setStatus({ kind: 'idle' });
  };
  const save = (event: Event) => {
    event.preventDefault();
    const found = validateSettings(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus({ kind: 'invalid' });
      return;
    }
    writeState({ settings: draft }).then(() => setStatus({ kind: 'saved' }), (error: unknown) => setStatus({ kind: 'failed', message: String(error) }));
  };
  const errorText = (field: string) => {
    const error = errors[field];
    return error ? t(error.key, error.substitutions) : undefined;
  };
  const timingField = (field: keyof Settings['timing'], labelKey: string) => (
    <Field id={`timing-${field}`} label={t(labelKey)} error={errorText(`timing.${field}`)}>
      <input type="number" inputMode="numeric" value={Number.isFinite(draft.timing[field]) ? draft.timing[field] : ''}
        onInput={(e) => update((s) => ({ ...s, timing: { ...s.timing, [field]: e.currentTarget.value === '' ? Number.NaN : Number(e.currentTarget.value) } }))} />
    </Field>
  );

  return (
    <I18nContext.Provider value={i18n}>
      <h1><img src="icons/icon-48.png" alt="" width={32} height={32} />{t('optionsTitle')}</h1>
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>{t('optionsSource')}</legend>
          <GoogleSection />
        </fieldset>
        <fieldset>
          <legend>{t('optionsProfile')}</legend>
          <p class="hint">{t('optionsProfileHint')}</p>
          <Field id="profile-name" label={t('optionsName')}>
            <input type="text" autoComplete="name" value={draft.profile.name} onInput={(e) => update((s) => ({ ...s, profile: { ...s.profile, name: e.currentTarget.value } }))} />
          </Field>
          <Field id="profile-phone" label={t('optionsPhone')} error={errorText('profile.phone')}>
            <input type="tel" autoComplete="tel" value={draft.profile.phone} onInput={(e) => update((s) => ({ ...s, profile: { ...s.profile, phone: e.currentTarget.value } }))} />
          </Field>
          <Field id="profile-email" label={t('optionsEmail')} error={errorText('profile.email')}>
            <input type="email" autoComplete="email" value={draft.profile.email} onInput={(e) => update((s) => ({ ...s, profile: { ...s.profile, email: e.currentTarget.value.trim() } }))} />
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('optionsMail')}</legend>
          <Field id="mail-provider" label={t('optionsProvider')}>
            <select value={draft.mailProvider} onChange={(e) => update((s) => ({ ...s, mailProvider: e.currentTarget.value as Settings['mailProvider'] }))}>
              {(['gmail', 'outlook', 'mailto'] as const).map((p) => <option key={p} value={p}>{t(`provider_${p}`)}</option>)}
            </select>
          </Field>
          <Field id="compose-account" label={t('optionsAccount')} hint={t('optionsAccountHint')} error={errorText('composeAccount')}>
            <input type="email" value={draft.composeAccount} onInput={(e) => update((s) => ({ ...s, composeAccount: e.currentTarget.value.trim() }))} />
          </Field>
          <Field id="language" label={t('optionsLanguage')}>
            <select value={draft.language} onChange={(e) => update((s) => ({ ...s, language: e.currentTarget.value as Settings['language'] }))}>
              {(['auto', 'en', 'it'] as const).map((l) => <option key={l} value={l}>{t(`language_${l}`)}</option>)}
            </select>
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('optionsTiming')}</legend>
          {timingField('confirmLead', 'optionsConfirmLead')}
          {timingField('getReadyLead', 'optionsGetReadyLead')}
          {timingField('minWait', 'optionsMinWait')}
          {timingField('maxWait', 'optionsMaxWait')}
          {timingField('thankYouDelay', 'optionsThankYouDelay')}
        </fieldset>
        <div class="save-row">
          <button type="submit" class="button primary">{t('optionsSave')}</button>
          <span role="status">
            {status.kind === 'saved' ? t('optionsSaved') : status.kind === 'invalid' ? t('optionsInvalid') : status.kind === 'failed' ? t('actionFailed', [status.message]) : ''}
          </span>
        </div>
      </form>
    </I18nContext.Provider>
  );
}
