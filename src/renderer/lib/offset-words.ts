import { formatOffset } from '../../shared/domain/delays';
import type { Translate } from './i18n';

/** « +12 min », « −5 min », « +1 h 05 »; « à l’heure » / « on time » in the desk's language. Pure. */
export function offsetWords(minutes: number, t: Translate): string {
  return Math.round(minutes) === 0 ? t('offset.onTime') : formatOffset(minutes);
}
