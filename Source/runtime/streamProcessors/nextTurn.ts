/**
 * Resolves on the event loop's next turn, after the I/O waiting meanwhile. A catch-up over the embedded store reads and
 * writes synchronously (better-sqlite3), so without it one processor's loop could keep the thread for seconds and
 * the gRPC keepalive pings of every connection would go unanswered.
 */
export function nextTurn(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
}
