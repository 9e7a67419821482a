import { z } from 'zod';

/**
 * Why the hub refuses a message. Every refusal carries one of these codes and a French sentence
 * the participant page (or the régie) can show as is.
 */
export const hubErrorCodes = [
  'malformed', // not an object at all, or unreadable
  'invalid', // a known message with a bad field
  'too_large', // a text or a list over its limit
  'unknown_event', // an event name the hub does not know (on this namespace)
  'version', // another protocol version
  'not_joined', // a participant message before `join`
  'wrong_event', // `join` with a wrong event code
  'rate_limited', // too many messages from this participant or this address
  'busy', // the hub's write queue is full
  'closed', // the Q&A is closed, the poll or the cloud is not open
  'room_only', // the Q&A takes questions from the room only
  'not_found', // the question to upvote is not published
  'already_done', // this participant already upvoted this question
  'limit', // words per participant per cloud reached
  'unavailable', // the hub could not write to its disk, or is stopping
  'not_resumed', // régie: a command before `resume`
  'out_of_order', // régie: a command seq beyond the next expected one
  'fenced', // régie: another régie took over with a higher epoch (docs/standby.md)
] as const;
export type HubErrorCode = (typeof hubErrorCodes)[number];

export const hubErrorSchema = z.strictObject({
  code: z.enum(hubErrorCodes),
  message: z.string().max(500),
  /** The field at fault, when there is one (`text`, `words.2`). */
  field: z.string().max(200).optional(),
});
export type HubError = z.infer<typeof hubErrorSchema>;

/** The answer to every participant message (socket.io acknowledgement). */
export const ackSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), duplicate: z.boolean().optional() }),
  z.strictObject({ ok: z.literal(false), error: hubErrorSchema }),
]);
export type Ack = z.infer<typeof ackSchema>;
export type Refusal = Extract<Ack, { ok: false }>;

export function hubError(code: HubErrorCode, message: string, field?: string): HubError {
  return field === undefined ? { code, message } : { code, message, field };
}

export function refuse(code: HubErrorCode, message: string, field?: string): Refusal {
  return { ok: false, error: hubError(code, message, field) };
}

/**
 * Sent by the hub when a message that came without an acknowledgement callback is refused:
 * the sender still learns why.
 */
export const refusedNoticeSchema = z.strictObject({
  event: z.string().max(80),
  error: hubErrorSchema,
});
export type RefusedNotice = z.infer<typeof refusedNoticeSchema>;
