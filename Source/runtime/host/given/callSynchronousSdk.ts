import { access } from 'node:fs';

/**
 * Runs work from an I/O callback and hands back its result. The SDK's `aggregateOf` fetches the aggregate's events
 * synchronously: deasync spins the event loop until the gRPC answer's promise settles. Inside a promise continuation
 * (any code after an `await`) that promise can never settle; inside a timer or setImmediate callback Node's own timer
 * and immediate queues cannot run again. An I/O callback is the one place where the spin works.
 */
export function callSynchronousSdk<T>(work: () => T): Promise<T> {
    return new Promise((resolve, reject) => {
        access('.', () => {
            try {
                resolve(work());
            } catch (error) {
                reject(error);
            }
        });
    });
}
