/** The hub protocol: participants ↔ hub ↔ régie. See each file for the rules of its messages. */
export * from './version';
export * from './limits';
export * from './clean-text';
export * from './errors';
export * from './fields';
export * from './interactions';
export * from './participant-messages';
export * from './audience-state';
export * from './regie-commands';
export * from './branding';
export * from './audience-messages';
export * from './validate';
export type * from './socket-events';
