import { z } from 'zod';
import { partialHubLimitsSchema } from './options';
import { MAX } from '../shared/protocol/limits';

/**
 * The embedded hub's process and the core talk over the IPC channel (child_process.fork's, or
 * Electron's parentPort). Both ends validate what they receive: the child's messages are a trust
 * boundary like any other (a hub that misbehaves must not write nonsense into the core).
 * The régie's token goes in the `start` message, never on the command line (where `ps` shows it).
 */

const path = z.string().min(1).max(4096);

export const hubStartOptionsSchema = z.strictObject({
  dataDir: path,
  port: z.number().int().min(0).max(65535),
  host: z.string().min(1).max(255),
  regieToken: z.string().min(16).max(512),
  eventCode: z.string().min(1).max(MAX.eventCode),
  participantDir: path.optional(),
  nativeBinding: path.optional(),
  publicHosts: z.array(z.string().min(1).max(255)).max(50).optional(),
  trustProxy: z.boolean().optional(),
  limits: partialHubLimitsSchema.optional(),
});
export type HubStartOptions = z.infer<typeof hubStartOptionsSchema>;

export const parentToHubSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start'), options: hubStartOptionsSchema }),
  /** Close the hub (its writer, its sockets, its database), then exit. */
  z.strictObject({ type: z.literal('stop') }),
]);
export type ParentToHub = z.infer<typeof parentToHubSchema>;

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export const hubToParentSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('ready'),
    pid: z.number().int().positive(),
    port: z.number().int().min(1).max(65535),
    host: z.string().min(1).max(255),
    hubId: z.string().min(1).max(128),
    dbPath: path,
    urls: z.array(z.string().min(1).max(2048)).max(64),
  }),
  z.strictObject({
    type: z.literal('failed'),
    /** db_too_new: hub.sqlite3 was written by a newer Pupitre (the core says so as for its own base). */
    code: z.enum(['start_failed', 'db_too_new']),
    message: z.string().max(2000),
    tooNew: z.strictObject({ path, found: z.number().int(), known: z.number().int() }).optional(),
  }),
  z.strictObject({
    type: z.literal('log'),
    level: z.enum(LOG_LEVELS),
    msg: z.string().max(500),
    fields: z.record(z.string().max(100), z.unknown()).optional(),
  }),
]);
export type HubToParent = z.infer<typeof hubToParentSchema>;
export type HubReady = Extract<HubToParent, { type: 'ready' }>;
export type HubFailed = Extract<HubToParent, { type: 'failed' }>;
