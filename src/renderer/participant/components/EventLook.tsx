import { useEffect } from 'react';
import { useT } from '../i18n';
import { lookVariables, useEventLook } from '../lib/event-look';

const PAGE_THEME = '#1c3d8c';

/**
 * Puts the event's look on the whole page: its colours as the stylesheet's variables (on the root,
 * so that every card follows), the browser's bar colour and the tab's title. Renders nothing.
 */
export function EventLook() {
  const t = useT();
  const branding = useEventLook((s) => s.branding);
  useEffect(() => {
    const root = document.documentElement;
    const vars = lookVariables(branding);
    for (const name of ['--accent', '--accent-tint', '--brand-accent']) {
      const value = vars[name];
      if (value) root.style.setProperty(name, value);
      else root.style.removeProperty(name);
    }
    document.querySelector('meta[name="theme-color"]')?.setAttribute('content', branding?.primary ?? PAGE_THEME);
    document.title = branding ? `${t('app.title')} · ${branding.name}` : t('app.title');
  }, [branding, t]);
  return null;
}
