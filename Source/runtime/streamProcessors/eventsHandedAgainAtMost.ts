/**
 * The most events a head can be handed again after a crash of the Runtime (`kill -9`), per processor and tenant: a
 * processor never hands an event whose position is this far or further past its stored position (it waits for the
 * position write first), so at most this many handed events lie past the position a restarted processor reads.
 * Documentation/guarantees.md states it; the SIGKILL test, the SDK's restart test and the torture checker hold it.
 */
export const eventsHandedAgainAtMost = 100;
