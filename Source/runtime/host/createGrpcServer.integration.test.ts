import http2 from 'node:http2';
import * as grpc from '@grpc/grpc-js';
import { healthService } from '@dolittle-typescript/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { healthServiceFor, Readiness } from '../health/index.js';
import { createGrpcServer } from './createGrpcServer.js';

type ResetOutcome = { readonly streamsReset: number; readonly goAwayCode: number | undefined };

const servers: grpc.Server[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.forceShutdown()));

async function serveHealth(streamResets?: { readonly burst: number; readonly perSecond: number }): Promise<number> {
    const server = createGrpcServer(streamResets);
    servers.push(server);
    const readiness = new Readiness();
    readiness.markReady();
    const health = healthServiceFor(readiness);
    server.addService(health.definition, health.implementation);
    return new Promise((resolve, reject) => {
        server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => (error === null ? resolve(port) : reject(error)));
    });
}

/**
 * Opens health watches one after another and resets each once its first answer arrives, while the server still
 * streams: the resets a server counts against its limit, as it counted those of SDK 17's old grpc-js.
 */
async function resetStreams(port: number, count: number): Promise<ResetOutcome> {
    const session = http2.connect(`http://127.0.0.1:${port}`);
    let goAwayCode: number | undefined;
    session.on('goaway', (code) => {
        goAwayCode = code;
    });
    session.on('error', () => undefined);
    let streamsReset = 0;
    const emptyMessage = Buffer.alloc(5);
    for (; streamsReset < count && goAwayCode === undefined && !session.destroyed; streamsReset++) {
        const answered = await new Promise<boolean>((resolve) => {
            const stream = session.request({
                ':method': 'POST',
                ':path': healthService.watch.path,
                'content-type': 'application/grpc',
                te: 'trailers',
            });
            stream.on('error', () => resolve(false));
            stream.on('close', () => resolve(false));
            stream.once('data', () => {
                stream.close(http2.constants.NGHTTP2_CANCEL);
                resolve(true);
            });
            stream.end(emptyMessage);
        });
        if (!answered) {
            break;
        }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    session.destroy();
    return { streamsReset, goAwayCode };
}

describe('when a client resets 3,000 streams of a Runtime gRPC server one after another', () => {
    it('keeps the session: no GOAWAY, every stream answered', async () => {
        const outcome = await resetStreams(await serveHealth(), 3_000);
        expect(outcome).toEqual({ streamsReset: 3_000, goAwayCode: undefined });
    });
});

describe('when the server is given a stream reset limit of 10', () => {
    it('ends the session with GOAWAY soon after 10 resets, so the limit is known to reach its sessions', async () => {
        const outcome = await resetStreams(await serveHealth({ burst: 10, perSecond: 1 }), 3_000);
        expect(outcome.goAwayCode).toBe(http2.constants.NGHTTP2_INTERNAL_ERROR);
        expect(outcome.streamsReset).toBeLessThan(100);
    });
});
