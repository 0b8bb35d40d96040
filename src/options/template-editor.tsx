import { useEffect, useRef, useState } from 'preact/hooks';
import type { SettingsErrors } from '../core/validate-settings.ts';
import type { Interview, Locale, TemplateKind } from '../core/types.ts';
import type { Settings } from '../core/settings.ts';
import { defaultTemplates, templateKinds, templatePlaceholders, renderTemplateText } from '../core/render-template.ts';
import { templateFor, withTemplate } from '../core/custom-templates.ts';
import { templateContext } from '../core/build-draft.ts';
import { emptyMarks } from '../core/marks.ts';
import { useI18n } from '../ui/i18n.ts';
import { snakeKey } from '../core/message-key.ts';

/** A template to bring into view (from the error summary); `at` makes each request new. */
export interface TemplateTarget {
  locale: Locale;
  kind: TemplateKind;
  at: number;
}

interface Props {
  settings: Settings;
  /** The page's validation errors: `templates.<locale>.<kind>` when a template is empty. */
  errors: SettingsErrors;
  show: TemplateTarget | undefined;
  /** The interview the preview is rendered for (the next real one, or the demo's). */
  sample: Interview | undefined;
  onChange: (templates: Settings['templates']) => void;
}

/**
 * Edit the wording of each email in each language, with the placeholders listed and a live
 * preview on a real interview. "Reset" goes back to the built-in text.
 */
export function TemplateEditor({ settings, sample, errors, show, onChange }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [kind, setKind] = useState<TemplateKind>('follow-up');
  const [locale, setLocale] = useState<Locale>(i18n.locale);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (show === undefined) return;
    setKind(show.kind);
    setLocale(show.locale);
    const text = templateFor(show.kind, show.locale, settings.templates, defaultTemplates);
    requestAnimationFrame(() => (text.body.trim() === '' ? bodyRef.current : subjectRef.current)?.focus());
  }, [show]);
  const error = errors[`templates.${locale}.${kind}`];
  // Other empty templates, so the user can reach each one from here.
  const otherEmpty = Object.keys(errors).map((key) => /^templates\.(en|it)\.([a-z-]+)$/.exec(key))
    .filter((match): match is RegExpExecArray => match !== null && !(match[1] === locale && match[2] === kind));
  const current = templateFor(kind, locale, settings.templates, defaultTemplates);
  const isCustom = settings.templates[locale]?.[kind] !== undefined;
  const now = Date.now();
  // The sample as it stands, with nothing marked: a preview must not claim calls that were never made.
  const preview = sample
    ? renderTemplateText(current, templateContext(sample, emptyMarks(), settings, { now, locale, timeZone: i18n.timeZone, defaults: defaultTemplates }), locale)
    : undefined;
  const set = (subject: string, body: string) => onChange(withTemplate(settings.templates, locale, kind, { subject, body }, defaultTemplates));

  return (
    <fieldset id="section-templates">
      <legend>{t('templatesTitle')}</legend>
      <p class="hint">{t('templatesHint')}</p>
      <div class="field-row">
        <div class="field">
          <label for="template-kind">{t('templatesKind')}</label>
          <select id="template-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as TemplateKind)}>
            {templateKinds.map((k) => <option key={k} value={k}>{t(snakeKey('template_', k))}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="template-locale">{t('templatesLanguage')}</label>
          <select id="template-locale" value={locale} onChange={(e) => setLocale(e.currentTarget.value as Locale)}>
            <option value="en">English</option>
            <option value="it">Italiano</option>
          </select>
        </div>
      </div>
      <div class="field">
        <label for="template-subject">{t('templatesSubject')}</label>
        <input id="template-subject" ref={subjectRef} type="text" value={current.subject} aria-invalid={error && current.subject.trim() === '' && kind !== 'voicemail' ? 'true' : undefined}
          aria-describedby={error ? 'template-error' : undefined} onInput={(e) => set(e.currentTarget.value, current.body)} />
      </div>
      <div class="field">
        <label for="template-body">{t('templatesBody')}</label>
        <textarea id="template-body" ref={bodyRef} rows={12} value={current.body} aria-invalid={error && current.body.trim() === '' ? 'true' : undefined}
          aria-describedby={error ? 'template-error template-placeholders' : 'template-placeholders'} onInput={(e) => set(current.subject, e.currentTarget.value)} />
        {error && <span id="template-error" class="error-text">{t(error.key)}</span>}
      </div>
      {otherEmpty.length > 0 && (
        <p class="error-text">
          {t('templatesOtherEmpty')}{' '}
          {otherEmpty.map(([key, otherLocale, otherKind]) => (
            <button key={key} type="button" class="link-button" onClick={() => { setKind(otherKind as TemplateKind); setLocale(otherLocale as Locale); requestAnimationFrame(() => bodyRef.current?.focus()); }}>
              {t('settingTemplateName', [t(snakeKey('template_', otherKind as TemplateKind)), otherLocale === 'it' ? 'Italiano' : 'English'])}
            </button>
          ))}
        </p>
      )}
      <p id="template-placeholders" class="hint">
        {t('templatesPlaceholders')}{' '}
        {templatePlaceholders[kind].map((name) => <code key={name} class="placeholder">{`{${name}}`}</code>)}
        {' '}{t('templatesSyntax')}
      </p>
      <div class="save-row">
        <button type="button" class="button" disabled={!isCustom} onClick={() => onChange(withTemplate(settings.templates, locale, kind, undefined, defaultTemplates))}>{t('templatesReset')}</button>
        <span class="hint">{isCustom ? t('templatesCustom') : t('templatesDefault')}</span>
      </div>
      {!preview && <p class="hint">{t('templatesNoPreview')}</p>}
      {preview && (
        <section class="preview" aria-labelledby="preview-title">
          <h3 id="preview-title" class="subheading">{t('templatesPreview', [sample?.title ?? ''])}</h3>
          <p class="preview-subject">{preview.subject}</p>
          <p class="script">{preview.body}</p>
        </section>
      )}
    </fieldset>
  );
}
