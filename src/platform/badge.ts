import { browser } from './browser.ts';
import type { Badge } from '../core/badge.ts';

const colors: Record<string, string> = {
  waiting: '#2563eb',
  'may-stop': '#b45309',
  'stop-waiting': '#b91c1c',
};

export async function setBadge(badge: Badge): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    ...(badge.phase ? [browser.action.setBadgeBackgroundColor({ color: colors[badge.phase] ?? '#2563eb' })] : []),
  ]);
}
