/**
 * A room's colour at the desk (the label beside the monitors, its row in the overview): a hue from
 * its id, stable from one day to the next, so that « Salle 450 » is always the same colour.
 */
export function roomHue(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % 360;
}
