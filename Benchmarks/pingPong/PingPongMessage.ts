/** What the ping-pong server is told when it starts. */
export type PingPongArguments = { readonly roundTrips: number };

/** What the ping-pong server reports over IPC. Times are preciseNow() values of the server's process. */
export type PingPongMessage =
    | { readonly kind: 'listening'; readonly port: number }
    | { readonly kind: 'done'; readonly roundTrips: number; readonly first: number; readonly last: number }
    | { readonly kind: 'failed'; readonly reason: string };
