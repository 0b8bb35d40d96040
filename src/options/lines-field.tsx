import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Field } from '../ui/field.tsx';
import { parseLines } from './settings-draft.ts';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  rows?: number;
  /** Shown under the text area, e.g. a "reset to defaults" button. */
  children?: ComponentChildren;
}

/**
 * A list edited as one entry per line. The text is kept as typed (blank lines, trailing
 * spaces) while the draft gets the parsed list; it is rewritten only when the list changes
 * from outside (reset, import).
 */
export function LinesField({ id, label, hint, error, value, onChange, rows = 5, children }: Props) {
  const [text, setText] = useState(() => value.join('\n'));
  const joined = value.join('\n');
  useEffect(() => {
    if (parseLines(text).join('\n') !== joined) setText(joined);
  }, [joined]);
  return (
    <div class="lines-field">
      <Field id={id} label={label} hint={hint} error={error}>
        <textarea rows={rows} value={text} spellcheck={false}
          onInput={(e) => {
            const next = e.currentTarget.value;
            setText(next);
            onChange(parseLines(next));
          }} />
      </Field>
      {children}
    </div>
  );
}
