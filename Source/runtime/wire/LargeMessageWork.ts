/**
 * The Runtime's queue of CPU-heavy work on large messages (decoding a request of megabytes, encoding its answer):
 * one unit runs per turn of the event loop, and the loop reads its sockets between units. Without it, grpc-js decodes
 * every request that completes in one poll phase back to back, and a health probe or a small call waits behind all of
 * them. Create one per process and share it between the services that handle large messages.
 */
export class LargeMessageWork {
    readonly #waiting: Array<() => void> = [];
    #scheduled = false;

    /** Runs the unit when its turn comes, in a later turn of the event loop, and settles with what it returns or throws. */
    run<Value>(unit: () => Value): Promise<Value> {
        return new Promise((resolve, reject) => {
            this.#waiting.push(() => {
                try {
                    resolve(unit());
                } catch (error) {
                    reject(error instanceof Error ? error : new Error(String(error)));
                }
            });
            this.#schedule();
        });
    }

    /** How many units wait for their turn. */
    get waiting(): number {
        return this.#waiting.length;
    }

    #schedule(): void {
        if (!this.#scheduled) {
            this.#scheduled = true;
            // setImmediate runs after the poll phase: every socket that became readable is read before the next unit.
            setImmediate(this.#runNext);
        }
    }

    readonly #runNext = (): void => {
        this.#scheduled = false;
        const unit = this.#waiting.shift();
        unit?.();
        if (this.#waiting.length > 0) {
            this.#schedule();
        }
    };
}
