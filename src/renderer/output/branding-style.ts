import { type Branding, backgroundStops } from '../../shared/domain/event-branding';

/** The event's colours as the output's CSS variables (output.css), set on the stage; none: the built-in look. */
export function brandingStyle(branding: Branding | undefined): Record<`--${string}`, string> {
  if (!branding) return {};
  const vars: Record<`--${string}`, string> = {};
  if (branding.primary) {
    const stops = backgroundStops(branding.primary);
    vars['--out-bg'] = stops.bg;
    vars['--out-bg-2'] = stops.glow;
    vars['--out-bg-mid'] = stops.mid;
    vars['--out-bg-end'] = stops.end;
  }
  if (branding.accent) vars['--out-accent'] = branding.accent;
  return vars;
}
