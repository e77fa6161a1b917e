/** The bare gRPC bidirectional ping-pong rate that the catch-up figures are compared with. */
export type PingPongCeiling = { readonly roundTripsPerSecond: number; readonly description: string };
