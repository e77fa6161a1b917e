/**
 * The most PostgreSQL connections any system under comparison opens (the Runtime's own cap for a tenant's event store
 * is 20): the same for all, and low enough to share the server's 100 with the other users of this machine.
 */
export const peerPoolSize = 20;
