import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../core/settings.ts';
import { languageSettings, mailProviders } from '../core/types.ts';
import type { SettingsErrors } from '../core/validate-settings.ts';
import type { MessageKey, UserMessage } from '../core/message-key.ts';
import { validateSettings } from '../core/validate-settings.ts';
import { resolveLocale } from '../core/resolve-locale.ts';
import { allInterviews, normalizeSettings } from '../core/stored-state.ts';
import { pickInterviews } from '../core/pick-interviews.ts';
import { loadTranslator, uiLanguage } from '../platform/i18n.ts';
import { send } from '../platform/messages.ts';
import { readStateWithoutBusy } from '../platform/storage.ts';
import { I18nContext, makeI18n } from '../ui/i18n.ts';
import type { I18n } from '../ui/i18n.ts';
import { Field } from '../ui/field.tsx';
import { errorText as describeError } from '../ui/error-text.ts';
import { useStoredState } from '../ui/use-stored-state.ts';
import { GoogleSection, googleSignInAvailable } from './google-section.tsx';
import { DemoControls } from './demo-controls.tsx';
import { IcalSection } from './ical-section.tsx';
import { RulesSection } from './rules-section.tsx';
import { SettingsTransfer } from './settings-transfer.tsx';
import { TemplateEditor } from './template-editor.tsx';
import type { TemplateTarget } from './template-editor.tsx';
import type { Locale, TemplateKind } from '../core/types.ts';
import { WorkingHoursSection } from './working-hours-section.tsx';
import { errorFields, mergeOverrides, sameSettings, settingName } from './settings-draft.ts';

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'invalid' } | { kind: 'failed'; error: UserMessage };

/**
 * Settings: edited as a draft, validated as a whole, saved through the service worker (which
 * validates again and writes under its lock) only when valid. On error the draft stays as typed.
 */
export function OptionsApp() {
  const loaded = useStoredState(readStateWithoutBusy);
  /** The settings as last saved (or loaded): what "unsaved changes" and the page language refer to. */
  const [baseline, setBaseline] = useState<Settings | undefined>(undefined);
  const [draft, setDraft] = useState<Settings | undefined>(undefined);
  const [i18n, setI18n] = useState<I18n | undefined>(undefined);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const summaryRef = useRef<HTMLDivElement>(null);
  /** A template the error summary asked the editor to show. */
  const [showTemplate, setShowTemplate] = useState<TemplateTarget | undefined>(undefined);

  // Follow what others save (the popup's overrides, another options tab); never overwrite typing.
  const stored = loaded?.state.settings;
  useEffect(() => {
    if (!stored) return;
    if (baseline && sameSettings(stored, baseline)) return;
    setBaseline(stored);
    setDraft((current) => {
      if (current === undefined || baseline === undefined || sameSettings(current, baseline)) return stored;
      // Unsaved edits stay; per-event choices made elsewhere meanwhile join them, so neither
      // "unsaved changes" nor the next save mistakes them for choices undone here.
      const overrides = mergeOverrides(stored.rules.overrides, baseline.rules.overrides, current.rules.overrides);
      return { ...current, rules: { ...current.rules, overrides } };
    });
  }, [stored]);

  // The page speaks the saved language: choosing another one takes effect when it is saved.
  const locale = baseline ? resolveLocale(baseline.language, uiLanguage()) : undefined;
  useEffect(() => {
    if (!locale) return;
    let alive = true;
    loadTranslator(locale).then((t) => {
      if (!alive) return;
      document.documentElement.lang = locale;
      document.title = t('optionsTitle');
      setI18n(makeI18n(locale, t));
      document.getElementById('app')?.setAttribute('aria-busy', 'false');
    }, (error: unknown) => console.error(error));
    return () => { alive = false; };
  }, [locale]);

  const dirty = draft !== undefined && baseline !== undefined && !sameSettings(draft, baseline);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Once a save was refused, the errors follow the typing, so a fixed field clears at once.
  useEffect(() => {
    if (status.kind !== 'invalid' || !draft) return;
    const found = validateSettings(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) setStatus({ kind: 'idle' });
  }, [draft]);

  if (!draft || !baseline || !i18n || !loaded) return <p>…</p>;
  const { t } = i18n;
  const state = loaded.state;

  const update = (change: (s: Settings) => Settings) => {
    setDraft((current) => (current ? change(current) : current));
    if (status.kind === 'saved' || status.kind === 'failed') setStatus({ kind: 'idle' });
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (status.kind === 'saving') return;
    const found = validateSettings(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus({ kind: 'invalid' });
      // After the summary renders: focus it so the keyboard and screen reader land on the list.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setStatus({ kind: 'saving' });
    const submitted = draft;
    try {
      const latest = (await readStateWithoutBusy(Date.now())).state.settings;
      const settings: Settings = { ...submitted, rules: { ...submitted.rules, overrides: mergeOverrides(latest.rules.overrides, baseline.rules.overrides, submitted.rules.overrides) } };
      const result = await send('save-settings', { settings });
      if (!result.ok) {
        setStatus({ kind: 'failed', error: result.error });
        return;
      }
      const saved = normalizeSettings(settings);
      setBaseline(saved);
      setDraft((current) => (current === submitted ? saved : current));
      setStatus({ kind: 'saved' });
    } catch (error) {
      console.error(error);
      setStatus({ kind: 'failed', error: { key: 'errorUnexpected' } });
    }
  };

  /** Saves imported settings; the error when the worker refused them. */
  const importSettings = async (settings: Settings): Promise<UserMessage | undefined> => {
    const result = await send('save-settings', { settings });
    if (!result.ok) return result.error;
    const saved = normalizeSettings(settings);
    setBaseline(saved);
    setDraft(saved);
    setErrors({});
    setStatus({ kind: 'idle' });
    return undefined;
  };

  const errorText = (field: string) => {
    const error = errors[field];
    return error ? t(error.key, error.substitutions) : undefined;
  };
  const errorList = Object.keys(errors).filter((key) => errors[key] !== undefined);

  const timingField = (field: keyof Settings['timing'], labelKey: MessageKey, [min, max]: [number, number]) => (
    <Field id={`timing-${field}`} label={t(labelKey)} error={errorText(`timing.${field}`)}>
      <input type="number" inputMode="numeric" min={min} max={max} value={Number.isFinite(draft.timing[field]) ? draft.timing[field] : ''}
        onInput={(e) => {
          const raw = e.currentTarget.value;
          update((s) => ({ ...s, timing: { ...s.timing, [field]: raw === '' ? Number.NaN : Number(raw) } }));
        }} />
    </Field>
  );

  const interviews = Object.values(allInterviews(state));
  const picked = pickInterviews(interviews, state.marks, Date.now(), state.settings);
  const sample = picked.current ?? picked.upcoming[0];
  const source = state.source;
  const googleAccount = source.kind === 'google' ? source.selfEmail ?? '' : undefined;

  const statusText = status.kind === 'saving' ? t('optionsSaving')
    : status.kind === 'saved' && !dirty ? t('optionsSaved')
      : status.kind === 'invalid' ? t('optionsInvalid')
        : status.kind === 'failed' ? describeError(t, status.error)
          : dirty ? t('optionsUnsaved') : '';

  return (
    <I18nContext.Provider value={i18n}>
      <h1><img src="icons/icon-48.png" alt="" width={32} height={32} />{t('optionsTitle')}</h1>
      <form onSubmit={(e) => { void save(e); }} noValidate>
        {status.kind === 'invalid' && errorList.length > 0 && (
          <div class="error-summary" ref={summaryRef} tabIndex={-1} aria-labelledby="error-summary-title">
            <p id="error-summary-title">{t('optionsErrorSummary')}</p>
            <ul>
              {errorList.map((key) => {
                const target = errorFields[key];
                const template = /^templates\.(en|it)\.([a-z-]+)$/.exec(key);
                return (
                  <li key={key}>
                    <a href={`#${target?.id ?? 'template-body'}`} onClick={(e) => {
                      e.preventDefault();
                      // A template's error shows that template in the editor, which then takes the focus.
                      if (template) setShowTemplate({ locale: template[1] as Locale, kind: template[2] as TemplateKind, at: Date.now() });
                      else if (target) document.getElementById(target.id)?.focus();
                    }}>{settingName(key, t)}</a>
                  </li>
                );
              })}
            </ul>
          </div>
        )}

        <fieldset id="section-calendar">
          <legend>{t('optionsSource')}</legend>
          <DemoControls source={state.source} />
          {googleSignInAvailable()
            ? <><GoogleSection />{state.source.kind !== 'google' && <IcalSection state={state} />}</>
            : <><IcalSection state={state} /><GoogleSection /></>}
        </fieldset>

        <fieldset id="section-profile">
          <legend>{t('optionsProfile')}</legend>
          <p class="hint">{t('optionsProfileHint')}</p>
          <Field id="profile-name" label={t('optionsName')}>
            <input type="text" autoComplete="name" value={draft.profile.name} onInput={(e) => { const v = e.currentTarget.value; update((s) => ({ ...s, profile: { ...s.profile, name: v } })); }} />
          </Field>
          <Field id="profile-phone" label={t('optionsPhone')} error={errorText('profile.phone')}>
            <input type="tel" autoComplete="tel" value={draft.profile.phone} onInput={(e) => { const v = e.currentTarget.value; update((s) => ({ ...s, profile: { ...s.profile, phone: v } })); }} />
          </Field>
          <Field id="profile-email" label={t('optionsEmail')} error={errorText('profile.email')}>
            <input type="email" autoComplete="email" value={draft.profile.email} onInput={(e) => { const v = e.currentTarget.value.trim(); update((s) => ({ ...s, profile: { ...s.profile, email: v } })); }} />
          </Field>
        </fieldset>

        <fieldset id="section-emails">
          <legend>{t('optionsMail')}</legend>
          <Field id="mail-provider" label={t('optionsProvider')}>
            <select value={draft.mailProvider} onChange={(e) => { const v = e.currentTarget.value as Settings['mailProvider']; update((s) => ({ ...s, mailProvider: v })); }}>
              {mailProviders.map((p) => <option key={p} value={p}>{t(`provider_${p}`)}</option>)}
            </select>
          </Field>
          {/* Only Gmail can be told which signed-in account to write from. */}
          {draft.mailProvider === 'gmail' && (
            <Field id="compose-account" label={t('optionsAccount')} hint={t('optionsAccountHint')} error={errorText('composeAccount')}>
              <input type="email" autoComplete="email" value={draft.composeAccount} onInput={(e) => { const v = e.currentTarget.value.trim(); update((s) => ({ ...s, composeAccount: v })); }} />
            </Field>
          )}
          <Field id="language" label={t('optionsLanguage')}>
            <select value={draft.language} onChange={(e) => { const v = e.currentTarget.value as Settings['language']; update((s) => ({ ...s, language: v })); }}>
              {languageSettings.map((l) => <option key={l} value={l} lang={l === 'it' ? 'it' : l === 'en' ? 'en' : undefined}>{t(`language_${l}`)}</option>)}
            </select>
          </Field>
        </fieldset>

        <fieldset id="section-timing">
          <legend>{t('optionsTiming')}</legend>
          {timingField('confirmLead', 'optionsConfirmLead', [60, 120])}
          {timingField('getReadyLead', 'optionsGetReadyLead', [1, 59])}
          {timingField('noCallAfter', 'optionsNoCallAfter', [1, 14])}
          {timingField('minWait', 'optionsMinWait', [15, 30])}
          {timingField('maxWait', 'optionsMaxWait', [15, 30])}
          {timingField('thankYouDelay', 'optionsThankYouDelay', [0, 1440])}
        </fieldset>

        <WorkingHoursSection draft={draft} errorText={errorText} update={update} />

        <RulesSection rules={draft.rules} googleAccount={googleAccount} interviews={interviews} names={state.overrideNames ?? {}} update={update} errorText={errorText} />

        <TemplateEditor key={i18n.locale} settings={draft} sample={sample} errors={errors} show={showTemplate} onChange={(templates) => update((s) => ({ ...s, templates }))} />

        <SettingsTransfer settings={baseline} unsaved={dirty} onImport={importSettings} />

        <div class={`save-bar${dirty ? ' dirty' : ''}`}>
          <button type="submit" class="button primary" disabled={status.kind === 'saving'}>{t('optionsSave')}</button>
          {dirty && <span class="dirty-dot" aria-hidden="true" />}
          <span role="status" class={status.kind === 'invalid' || status.kind === 'failed' ? 'error-text' : 'save-status'}>{statusText}</span>
        </div>
      </form>
    </I18nContext.Provider>
  );
}
