/** How the event-loop watch decides the process is wedged. */
export type EventLoopWatchOptions = {
    /** A turn of the event loop longer than this counts as blocked, in milliseconds (default 5 s). */
    readonly blockedAfter?: number;
    /** How long a block is remembered, so that a probe answered just after it still sees it, in milliseconds (default 10 s: a single block fails about one probe). */
    readonly remembered?: number;
    /** How often the watch's timer ticks, in milliseconds (default 500). */
    readonly interval?: number;
    readonly clock?: () => number;
};

/** Whether the process is alive, and why not. */
export type Liveness = { readonly alive: true } | { readonly alive: false; readonly reason: string };

/**
 * Tells whether the Node.js event loop is wedged, for the liveness probe. A timer ticks at a fixed interval; a tick that
 * comes much later than asked means the loop was blocked for that long. The process counts as not alive while the
 * latest block (or the time since the last tick, should the loop be blocked right now) is longer than `blockedAfter`
 * and happened within `remembered`. Slowness under load is not a block: only turns of seconds are.
 */
export class EventLoopWatch {
    readonly #blockedAfter: number;
    readonly #remembered: number;
    readonly #interval: number;
    readonly #clock: () => number;
    #timer: NodeJS.Timeout | undefined;
    #lastTick: number;
    #lastBlock: { readonly at: number; readonly milliseconds: number } | undefined;

    /** Creates the watch; it watches from start() until stop(). */
    constructor(options: EventLoopWatchOptions = {}) {
        this.#blockedAfter = options.blockedAfter ?? 5_000;
        this.#remembered = options.remembered ?? 10_000;
        this.#interval = options.interval ?? 500;
        this.#clock = options.clock ?? (() => performance.now());
        this.#lastTick = this.#clock();
    }

    /** Starts ticking (the timer does not keep the process alive). */
    start(): void {
        this.#lastTick = this.#clock();
        this.#timer ??= setInterval(() => this.tick(), this.#interval).unref();
    }

    /** Stops ticking. */
    stop(): void {
        clearInterval(this.#timer);
        this.#timer = undefined;
    }

    /** One tick of the timer: notes how late it came. Public so that tests can drive the watch with their own clock. */
    tick(): void {
        const now = this.#clock();
        const late = now - this.#lastTick - this.#interval;
        if (late > this.#blockedAfter) {
            this.#lastBlock = { at: now, milliseconds: Math.round(late) };
        }
        this.#lastTick = now;
    }

    /** Whether the event loop is wedged now or was within the remembered time. */
    get liveness(): Liveness {
        const now = this.#clock();
        const sinceTick = now - this.#lastTick - this.#interval;
        if (this.#timer !== undefined && sinceTick > this.#blockedAfter) {
            return { alive: false, reason: `the event loop has not turned for ${Math.round(sinceTick)} ms` };
        }
        const block = this.#lastBlock;
        if (block !== undefined && now - block.at <= this.#remembered) {
            return { alive: false, reason: `the event loop was blocked for ${block.milliseconds} ms ${Math.round((now - block.at) / 1000)} s ago` };
        }
        return { alive: true };
    }
}
