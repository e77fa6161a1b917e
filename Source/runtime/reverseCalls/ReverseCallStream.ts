import { finished } from 'node:stream';
import { status, type ServerDuplexStream } from '@grpc/grpc-js';
import type { Logger } from '../logging/index.js';
import { noMetrics, type ReverseCallMetrics } from '../metrics/index.js';
import { Keepalive } from './Keepalive.js';
import { reverseCallLogMessages } from './logMessages.js';
import type { ReverseCallEnd } from './ReverseCallEnd.js';

/**
 * One reverse call's gRPC stream: it hands every client message on, pings the client and watches the keepalive, and
 * ends exactly once, telling why through `ended`.
 *
 * Pings are written straight from a timer of their own: grpc-js writes never block, so a busy connection cannot delay
 * them behind its requests. A tick is skipped only while the previous ping is still buffered (the client or the
 * network is not reading); piling more pings into that buffer would not reach the client any sooner.
 */
export class ReverseCallStream<ClientMessage, RuntimeMessage> {
    readonly #call: ServerDuplexStream<ClientMessage, RuntimeMessage>;
    readonly #logger: Logger;
    readonly #pingMessage: () => RuntimeMessage;
    readonly #metrics: ReverseCallMetrics;
    readonly #abort = new AbortController();
    readonly #ended: Promise<ReverseCallEnd>;
    #resolveEnded: (end: ReverseCallEnd) => void = () => undefined;
    #pinger: NodeJS.Timeout | undefined;
    #keepalive: Keepalive | undefined;
    #pingBuffered = false;
    #end: ReverseCallEnd | undefined;

    /** Receives every message from the client, in order. */
    onMessage: (message: ClientMessage) => void = () => undefined;

    /** Called when the client ends its side of the stream; by default the call ends with status CANCELLED. */
    onClientEnd: () => void = () => {
        this.endWithStatus({ reason: 'clientDisconnected', detail: 'the client ended its side of the stream' }, status.CANCELLED);
    };

    /** Wraps the call and starts listening to it; `ping` builds the service's ping message. */
    constructor(call: ServerDuplexStream<ClientMessage, RuntimeMessage>, logger: Logger, ping: () => RuntimeMessage, metrics: ReverseCallMetrics = noMetrics.reverseCalls) {
        this.#call = call;
        this.#metrics = metrics;
        this.#logger = logger;
        this.#pingMessage = ping;
        this.#ended = new Promise((resolve) => {
            this.#resolveEnded = resolve;
        });
        call.on('data', (message: ClientMessage) => {
            this.#keepalive?.received();
            if (!this.isEnded) {
                this.onMessage(message);
            }
        });
        call.on('end', () => this.onClientEnd());
        call.on('cancelled', () => this.#finishAtOnce({ reason: 'clientDisconnected', detail: 'the client cancelled the call or the connection was lost' }));
        call.on('close', () => this.#finishAtOnce({ reason: 'clientDisconnected', detail: 'the stream closed' }));
        call.on('error', (error: Error) => this.#finishAtOnce({ reason: 'failed', detail: error.message }));
    }

    /** Resolves once, when the stream has ended and what the Runtime still had to write (a status) was handed on. */
    get ended(): Promise<ReverseCallEnd> {
        return this.#ended;
    }

    /** How the stream ended, once it has. */
    get end(): ReverseCallEnd | undefined {
        return this.#end;
    }

    /** Aborted when the stream ends. */
    get signal(): AbortSignal {
        return this.#abort.signal;
    }

    /** Whether the stream has ended. */
    get isEnded(): boolean {
        return this.#abort.signal.aborted;
    }

    /** Starts pinging every interval, and drops the client when it sends nothing for three intervals. */
    startPinging(intervalMilliseconds: number): void {
        this.#pinger = setInterval(() => this.#ping(), intervalMilliseconds).unref();
        const deadline = 3 * intervalMilliseconds;
        this.#keepalive = new Keepalive(deadline, (silence) => {
            this.#logger.log(reverseCallLogMessages.keepaliveExpired, { silence: Math.round(silence), deadline });
            this.#metrics.keepaliveExpired();
            this.endWithStatus({ reason: 'keepaliveExpired', detail: `the client sent nothing for ${Math.round(silence)} ms (three ping intervals)` }, status.CANCELLED);
        });
        this.#keepalive.start();
        this.#ping();
    }

    /** Writes a message to the client, unless the stream has ended. */
    write(message: RuntimeMessage): void {
        if (!this.isEnded) {
            this.#call.write(message);
        }
    }

    /**
     * Ends a refused or rejected connection with an error status whose details carry the failure, without a connect
     * response. SDK 17 registers again both after a failure connect response and after the call ends, so answering
     * with both (as 6.x did) doubles its attempts every second for a registration that keeps being refused; an error
     * status alone keeps it at one attempt a second, and the SDK logs the details.
     */
    endWithFailure(end: ReverseCallEnd, details: string): void {
        if (this.#finish(end)) {
            this.#call.emit('error', { code: status.FAILED_PRECONDITION, details });
            this.#resolveOnceWritten(end);
        }
    }

    /** Ends the call with status OK once what was written has been sent (after a connect response that refuses). */
    endWithOk(end: ReverseCallEnd): void {
        if (this.#finish(end)) {
            this.#call.end();
            this.#resolveOnceWritten(end);
        }
    }

    /** Ends the call with an error status, so that the client reconnects instead of treating it as completed. */
    endWithStatus(end: ReverseCallEnd, code: status): void {
        if (this.#finish(end)) {
            // grpc-js sends the status of an error emitted on a server stream once the pending writes are flushed.
            this.#call.emit('error', { code, details: end.detail });
            this.#resolveOnceWritten(end);
        }
    }

    #ping(): void {
        if (this.isEnded) {
            return;
        }
        if (this.#pingBuffered) {
            this.#logger.log(reverseCallLogMessages.pingSkipped);
            return;
        }
        this.#pingBuffered = true;
        this.#metrics.pingSent();
        this.#call.write(this.#pingMessage(), () => {
            this.#pingBuffered = false;
        });
    }

    #finish(end: ReverseCallEnd): boolean {
        if (this.isEnded) {
            return false;
        }
        this.#end = end;
        clearInterval(this.#pinger);
        this.#keepalive?.stop();
        this.#abort.abort();
        return true;
    }

    #finishAtOnce(end: ReverseCallEnd): void {
        if (this.#finish(end)) {
            this.#resolveEnded(end);
        }
    }

    #resolveOnceWritten(end: ReverseCallEnd): void {
        finished(this.#call, { readable: false }, () => this.#resolveEnded(end));
    }
}
