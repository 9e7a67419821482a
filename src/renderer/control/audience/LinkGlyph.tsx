import type { LinkTone } from '../../lib/link-status';

/** A small shape beside the link's words, so that the state never rests on colour alone. */
export function LinkGlyph({ tone, off }: { tone: LinkTone; off: boolean }) {
  return (
    <svg className="link-glyph" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {tone === 'ok' && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M4.6 8.3 7 10.6l4.4-4.9" fill="none" stroke="#0c1219" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round" />
        </>
      )}
      {tone === 'quiet' &&
        (off ? (
          <>
            <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
            <path d="M4.8 8h6.4" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </>
        ) : (
          <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeDasharray="3 2.2" />
        ))}
      {tone === 'warn' && (
        <>
          <path d="M8 1.2 15.2 14H.8Z" fill="currentColor" />
          <path d="M8 5.6v4.2" stroke="#1d1300" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="12" r="1" fill="#1d1300" />
        </>
      )}
      {tone === 'alert' && (
        <>
          <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5Z" fill="currentColor" />
          <path d="m5.6 5.6 4.8 4.8m0-4.8-4.8 4.8" stroke="#2a0808" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
