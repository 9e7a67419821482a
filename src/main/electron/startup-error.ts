/** The French sentence shown when Pupitre cannot start (no electron import: testable). */
import { DatabaseTooNewError } from '../../node/sqlite/database';

export const STARTUP_ERROR_TITLE = 'Pupitre n’a pas pu démarrer';

export function startupErrorText(err: unknown, logFile: string | null): string {
  const where = logFile ? `\n\nDétails dans le journal : ${logFile}` : '';
  if (err instanceof DatabaseTooNewError) return err.message + where;
  const message = err instanceof Error ? err.message : String(err);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) {
    return (
      'Le module SQLite (better-sqlite3) n’est pas compilé pour cette version d’Electron. ' +
      'Lancez Pupitre avec « npm start », qui le recompile.' +
      where
    );
  }
  if (/SQLITE_BUSY|database is locked/i.test(message)) {
    return (
      'La base de Pupitre est utilisée par un autre programme (un autre Pupitre, « npm run serve » ?). Fermez-le, puis relancez.' + where
    );
  }
  return `${message}${where}`;
}
