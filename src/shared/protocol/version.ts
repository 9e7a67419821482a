/**
 * The hub protocol (participants ↔ hub ↔ régie), versioned. A participant page or a régie that
 * speaks another version is refused with a message asking to reload or update.
 */
export const PROTOCOL_VERSION = 1;

/** socket.io namespaces of the hub. */
export const PARTICIPANT_NAMESPACE = '/participant';
export const REGIE_NAMESPACE = '/regie';

/**
 * Largest single socket.io message the hub takes (its `maxHttpBufferSize`). A bigger one closes
 * the connection (WebSocket close code 1009) before the hub can read it: the participant page
 * never sends more than a few KB, and reconnects by itself.
 */
export const TRANSPORT_LIMIT_BYTES = 16 * 1024;
export const TRANSPORT_LIMIT_MESSAGE = 'message trop volumineux : la connexion a été coupée, elle va se rétablir';
