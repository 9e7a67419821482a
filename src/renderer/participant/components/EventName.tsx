import { ordinalParts } from '../../output/ordinals';

/** The event's name with its ordinals' suffixes raised, as the projector writes them (« 14<sup>es</sup> »). */
export function EventName({ name }: { name: string }) {
  return <>{ordinalParts(name).map((p, i) => (p.sup ? <sup key={i}>{p.text}</sup> : <span key={i}>{p.text}</span>))}</>;
}
