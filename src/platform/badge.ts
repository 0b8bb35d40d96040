import { browser } from './browser.ts';
import type { Badge } from '../core/badge.ts';

const colors: Record<string, string> = {
  waiting: '#2563eb',
  'may-stop': '#b45309',
  'stop-waiting': '#b91c1c',
};

/** The badge and the toolbar button's tooltip (which names the interview during a wait). */
export async function setBadge(badge: Badge, title: string): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setTitle({ title }),
    ...(badge.phase ? [browser.action.setBadgeBackgroundColor({ color: colors[badge.phase] ?? '#2563eb' })] : []),
  ]);
}
