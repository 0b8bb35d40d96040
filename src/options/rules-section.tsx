import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/settings.ts';
import type { DetectionRules, Interview } from '../core/types.ts';
import { defaultRules } from '../core/default-rules.ts';
import type { CalendarChoice } from '../platform/messages.ts';
import { send } from '../platform/messages.ts';
import { useI18n } from '../ui/i18n.ts';
import { formatDay } from '../ui/format.ts';
import type { OverrideName } from '../core/stored-state.ts';
import { LinesField } from './lines-field.tsx';

interface Props {
  rules: DetectionRules;
  /** Connected Google account, when the source is Google: the calendars are then picked from its list. */
  googleAccount: string | undefined;
  /** Every known interview, to name the events the overrides are about. */
  interviews: readonly Interview[];
  /** What each "Not an interview" choice was called when it was made. */
  names: Readonly<Record<string, OverrideName>>;
  update: (change: (s: Settings) => Settings) => void;
  errorText: (field: string) => string | undefined;
}

/** Google Calendar's event colours (`colorId` 1–11) as its web app shows them. */
const eventColors = [
  ['1', '#7986cb'], ['2', '#33b679'], ['3', '#8e24aa'], ['4', '#e67c73'], ['5', '#f6bf26'], ['6', '#f4511e'],
  ['7', '#039be5'], ['8', '#616161'], ['9', '#3f51b5'], ['10', '#0b8043'], ['11', '#d50000'],
] as const satisfies ReadonlyArray<readonly [id: string, hex: string]>;

const toggled = (list: readonly string[], item: string, on: boolean): string[] => (on ? [...new Set([...list, item])] : list.filter((x) => x !== item));

/** What makes an event an interview: tags, keywords, calendars, colours and per-event choices. */
export function RulesSection({ rules, googleAccount, interviews, names, update, errorText }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [calendars, setCalendars] = useState<CalendarChoice[] | undefined>(undefined);
  const setRules = (change: Partial<DetectionRules>) => update((s) => ({ ...s, rules: { ...s.rules, ...change } }));

  useEffect(() => {
    if (googleAccount === undefined) {
      setCalendars(undefined);
      return;
    }
    let alive = true;
    // Without the list (offline, signed out) the ids stay editable as text.
    send('list-calendars', {}).then((result) => {
      if (alive) setCalendars(result.ok && result.value.calendars.length > 0 ? result.value.calendars : undefined);
    }, () => undefined);
    return () => { alive = false; };
  }, [googleAccount]);

  // By title and day: a known interview, else the name stored when the user made the choice;
  // only choices made before names were stored fall back to the event's id.
  const eventName = (eventId: string) => {
    const known = interviews.find((i) => i.eventId === eventId) ?? names[eventId];
    if (known === undefined) return t('rulesOverrideUnknown', [eventId]);
    return t('rulesOverrideName', [known.title || t('untitledInterview'), formatDay(i18n, known.start)]);
  };
  const overrides = Object.entries(rules.overrides).sort(([a], [b]) => a.localeCompare(b));
  const unlisted = calendars ? rules.calendars.filter((id) => !calendars.some((c) => c.id === id)) : [];

  return (
    <fieldset id="section-rules">
      <legend>{t('rulesTitle')}</legend>
      <p class="hint">{t('rulesHint')}</p>

      <LinesField id="rules-tags" label={t('rulesTags')} hint={t('rulesTagsHint')} error={errorText('rules.tags')} rows={3} value={rules.tags} onChange={(tags) => setRules({ tags })}>
        <button type="button" class="button secondary" onClick={() => setRules({ tags: [...defaultRules.tags] })}>{t('rulesResetTags')}</button>
      </LinesField>

      <LinesField id="rules-keywords" label={t('rulesKeywords')} hint={t('rulesKeywordsHint')} error={errorText('rules.keywords')} rows={Math.min(14, Math.max(4, rules.keywords.length + 1))} value={rules.keywords} onChange={(keywords) => setRules({ keywords })}>
        <button type="button" class="button secondary" onClick={() => setRules({ keywords: [...defaultRules.keywords] })}>{t('rulesResetKeywords')}</button>
      </LinesField>

      {calendars
        ? (
          <fieldset class="choice-group" id="rules-calendars">
            <legend>{t('rulesCalendars')}</legend>
            {calendars.map((calendar) => (
              <label key={calendar.id} class="checkbox">
                <input type="checkbox" checked={rules.calendars.includes(calendar.id)}
                  onChange={(e) => setRules({ calendars: toggled(rules.calendars, calendar.id, e.currentTarget.checked) })} />
                {calendar.summary}{calendar.primary ? ` ${t('googlePrimary')}` : ''}
              </label>
            ))}
            {unlisted.map((id) => (
              <label key={id} class="checkbox">
                <input type="checkbox" checked onChange={(e) => setRules({ calendars: toggled(rules.calendars, id, e.currentTarget.checked) })} />
                {t('rulesCalendarOther', [id])}
              </label>
            ))}
          </fieldset>
        )
        : (
          <LinesField id="rules-calendars" label={t('rulesCalendarIds')} hint={t('rulesCalendarIdsHint')} rows={2} value={rules.calendars} onChange={(ids) => setRules({ calendars: ids })} />
        )}

      <fieldset class="choice-group" aria-describedby="rules-colors-hint">
        <legend>{t('rulesColors')}</legend>
        <p id="rules-colors-hint" class="hint">{t('rulesColorsHint')}</p>
        <div class="checkbox-grid colors">
          {eventColors.map(([id, hex]) => (
            <label key={id} class="checkbox">
              <input type="checkbox" checked={rules.colors.includes(id)} onChange={(e) => setRules({ colors: toggled(rules.colors, id, e.currentTarget.checked) })} />
              <span class="swatch" style={{ background: hex }} aria-hidden="true" />
              {t(`color_${id}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <section class="overrides" aria-labelledby="overrides-title">
        <h3 id="overrides-title" class="subheading">{t('rulesOverrides')}</h3>
        {overrides.length === 0
          ? <p class="hint">{t('rulesOverridesNone')}</p>
          : (
            <>
              <p class="hint">{t('rulesOverridesHint')}</p>
              <ul class="override-list">
                {overrides.map(([eventId, choice]) => {
                  const name = eventName(eventId);
                  return (
                    <li key={eventId}>
                      <span class="override-text">{t(choice === 'interview' ? 'rulesOverrideTrack' : 'rulesOverrideNot', [name])}</span>
                      <button type="button" class="button secondary" aria-label={t('rulesOverrideUndo', [name])}
                        onClick={() => update((s) => {
                          const next = { ...s.rules.overrides };
                          delete next[eventId];
                          return { ...s, rules: { ...s.rules, overrides: next } };
                        })}>
                        {t('undoMark')}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
      </section>
    </fieldset>
  );
}
