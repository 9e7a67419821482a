/** Two small line icons for the place choice (inline SVG: no emoji font needed, no request). */
const common = {
  className: 'origin-icon',
  width: 32,
  height: 32,
  viewBox: '0 0 32 32',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
};

/** Rows of seats before a stage. */
export function RoomIcon() {
  return (
    <svg {...common}>
      <rect x="6" y="4" width="20" height="7" rx="1.5" />
      <path d="M5 17h4M14 17h4M23 17h4M5 23h4M14 23h4M23 23h4M5 29h4M14 29h4M23 29h4" />
    </svg>
  );
}

/** A laptop: following from elsewhere. */
export function RemoteIcon() {
  return (
    <svg {...common}>
      <rect x="6" y="7" width="20" height="14" rx="1.5" />
      <path d="M3 25h26M13 14l3 2-3 2" />
    </svg>
  );
}
