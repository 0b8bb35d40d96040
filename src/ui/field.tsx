import type { ComponentChildren, VNode } from 'preact';
import { cloneElement, isValidElement } from 'preact';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}

/** A labelled control with its hint and error wired up for assistive technology. */
export function Field({ id, label, hint, error, children }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const control = isValidElement(children)
    ? cloneElement(children as VNode<Record<string, unknown>>, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? 'true' : undefined })
    : children;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {control}
      {hint && <span id={`${id}-hint`} class="hint">{hint}</span>}
      {error && <span id={`${id}-error`} class="error-text">{error}</span>}
    </div>
  );
}
