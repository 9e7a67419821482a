import { z } from 'zod';

/**
 * Rooms on the hub protocol (docs/rooms.md). A room is named by a slug the régie derives from the
 * programme. Commands and messages without a room belong to the main room: a régie, a hub or a
 * phone of before rooms keeps working in the main room.
 */
export const roomIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'salle : identifiant de 1 à 40 caractères [a-z0-9-]');
export type RoomId = z.infer<typeof roomIdSchema>;

/** A room's presence secret: 32 random bytes, base64url (the hub derives each window's key from it). */
export const roomSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'secret de salle : 32 octets en base64url');

/** A room's presence key for one 5-minute window, as the room's QR code carries it (`k=`). */
export const presenceKeySchema = z.string().regex(/^[A-Z2-7]{10}$/, 'clé de salle : 10 caractères A-Z 2-7');

/** A personal code (remote attendees), hashed by the régie before it leaves it (hex SHA-256 of salt + code). */
export const codeHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'code personnel : empreinte SHA-256 attendue');

/** Personal codes per `codes.add` command (the hub's message limit is 16 KB). */
export const MAX_CODES_PER_COMMAND = 150;

export const PRESENCE_WINDOW_MS = 5 * 60 * 1000;

export const hubRoomSchema = z.strictObject({
  id: roomIdSchema,
  name: z.string().min(1).max(120),
  main: z.boolean(),
  secret: roomSecretSchema,
});
export type HubRoom = z.infer<typeof hubRoomSchema>;

/**
 * `rooms` (hub → phones, all of them, after `join` and when it changes): the rooms without their
 * secrets, for the room chooser. `live`: its Q&A or an interaction is open; `roomOnly`: its open
 * Q&A takes questions from the people in the room only. A page of before rooms ignores the event.
 */
export const roomsSummarySchema = z.strictObject({
  rooms: z
    .array(
      z.strictObject({ id: roomIdSchema, name: z.string().max(120), main: z.boolean(), live: z.boolean(), roomOnly: z.boolean() }),
    )
    .max(50),
});
export type RoomsSummary = z.infer<typeof roomsSummarySchema>;

/**
 * `place` (hub → one phone, after its `join` and when the hub moves it): where the hub put this
 * phone. `origin` as the hub decided it (a valid key of `room`: « room »); `identified`: a personal
 * code holds it; `chosen`: the phone named its room (QR code, chooser) or the hub remembers one —
 * false: it follows the main room by default and may be offered the chooser.
 */
export const participantPlaceSchema = z.strictObject({
  room: roomIdSchema,
  origin: z.enum(['room', 'remote']),
  identified: z.boolean(),
  chosen: z.boolean(),
});
export type ParticipantPlace = z.infer<typeof participantPlaceSchema>;
