// A real gRPC server on port 0 that serves EventHandlers/Connect through the reverse-call engine, for tests.
import { eventHandlersService } from '@dolittle-typescript/protocol';
import * as grpc from '@grpc/grpc-js';
import { createLogging } from '../../logging/index.js';
import { connectReverseCall, type ReverseCallOptions } from '../connectReverseCall.js';
import type { ReverseCallConnection } from '../ReverseCallConnection.js';
import { ReverseCallLifetimes } from '../ReverseCallLifetimes.js';
import { eventHandlersTestProtocol, type ClientMessage, type Registration, type Request, type Response, type RuntimeMessage } from './eventHandlersTestProtocol.js';

/** A connection as the tests see it. */
export type TestConnection = ReverseCallConnection<Registration, Request, Response>;

/** The server, the connections it made (undefined for refused calls), and the engine's log lines. */
export class ReverseCallServer {
    readonly connections: Array<TestConnection | undefined> = [];
    readonly logLines: string[] = [];
    readonly lifetimes = new ReverseCallLifetimes();
    readonly #server = new grpc.Server();
    #address = '';

    /** Creates the server; the options go to every `connectReverseCall` (e.g. a short request timeout). */
    constructor(private readonly options: ReverseCallOptions = {}) {}

    /** The address to connect to, once started. */
    get address(): string {
        return this.#address;
    }

    /** The log messages written so far, parsed. */
    get logs(): ReadonlyArray<{ readonly level: number; readonly msg: string }> {
        return this.logLines.map((line) => JSON.parse(line) as { level: number; msg: string });
    }

    /** Binds on 127.0.0.1 port 0 and serves every call through `connectReverseCall`. */
    async start(): Promise<void> {
        const logger = createLogging({ level: 'trace', format: 'json', categoryLevels: [] }, { write: (line) => this.logLines.push(line) })('runtime.reverseCalls');
        this.#server.addService(eventHandlersService, {
            connect: (untypedCall: grpc.ServerDuplexStream<unknown, unknown>) => {
                const call = untypedCall as grpc.ServerDuplexStream<ClientMessage, RuntimeMessage>;
                // Tracked until the connection ends, as a feature serves a call for its whole life.
                this.lifetimes.track(connectReverseCall(call, eventHandlersTestProtocol, this.lifetimes.signal, logger, this.options).then(async (connection) => {
                    this.connections.push(connection);
                    await connection?.ended;
                }));
            },
        });
        const port = await new Promise<number>((resolve, reject) => {
            this.#server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
        });
        this.#address = `127.0.0.1:${port}`;
    }

    /** Ends every reverse call and stops the server, as the host does: gracefully, forced after a while. */
    async stop(): Promise<void> {
        await this.lifetimes.end();
        await new Promise<void>((resolve) => {
            const force = setTimeout(() => this.#server.forceShutdown(), 2_000);
            this.#server.tryShutdown(() => {
                clearTimeout(force);
                resolve();
            });
        });
    }
}
