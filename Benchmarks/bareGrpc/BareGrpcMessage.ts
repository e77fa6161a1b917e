/** What the bare gRPC server is told when it starts: how many handle requests each event handler connection gets. */
export type BareGrpcArguments = { readonly roundTrips: number };

/** What the bare gRPC server reports over IPC. Times are preciseNow() values of the server's process. */
export type BareGrpcMessage =
    | { readonly kind: 'listening'; readonly port: number }
    | { readonly kind: 'done'; readonly roundTrips: number; readonly first: number; readonly last: number }
    | { readonly kind: 'failed'; readonly reason: string };
