/**
 * Runs work in a timer callback and hands back its result. The SDK's `aggregateOf` fetches the aggregate's events
 * synchronously (deasync spins the event loop until the gRPC answer's promise settles); inside a promise continuation,
 * such as any code after an `await`, that promise can never settle and the fetch times out after 10 seconds.
 */
export function inTimerTask<T>(work: () => T): Promise<T> {
    return new Promise((resolve, reject) => {
        setTimeout(() => {
            try {
                resolve(work());
            } catch (error) {
                reject(error);
            }
        }, 0);
    });
}
