import { frenchTypography as typeset } from '../../../shared/domain/french-typography';
import { useT } from '../i18n';

/** A message from the régie (« La séance reprend à 14 h 30 »), shown as plain text. */
export function NoticeCard({ text }: { text: string | null }) {
  const t = useT();
  return (
    <div role="status" className="notice-region">
      {text ? (
        <section className="card notice" aria-labelledby="notice-heading" data-testid="notice">
          <h2 id="notice-heading" className="card-kicker">
            {t('notice.heading')}
          </h2>
          <p className="notice-text">{typeset(text)}</p>
        </section>
      ) : null}
    </div>
  );
}
