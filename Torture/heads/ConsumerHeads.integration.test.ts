// The consumer head started again after a SIGKILL names its connections apart from the head before it: the checker
// tells a redelivery after a reconnect (allowed) from a delivery twice in one connection (a failure) by those names.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dolittle, guidToUuid } from '@dolittle-typescript/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { readDeliveries, type Delivery } from '../check/Delivery.js';
import { executionContextFor, tortureIdentifiers } from '../identifiers.js';
import { TortureRuntime } from '../runtime/TortureRuntime.js';
import { UnaryConnection } from '../runtime/UnaryConnection.js';
import { ConsumerHeads } from './ConsumerHeads.js';

const folder = mkdtempSync(join(tmpdir(), 'dolittle-torture-heads-'));
const deliveriesFile = join(folder, 'deliveries.csv');

async function commitOne(connection: UnaryConnection): Promise<number> {
    const request = dolittle.runtime.events.CommitEventsRequest.encode({
        callContext: { executionContext: executionContextFor(tortureIdentifiers.tenants[0]!) },
        events: [{ artifact: { id: guidToUuid(tortureIdentifiers.ordered), generation: 1 }, eventSourceId: guidToUuid(randomUUID()), public: false, content: '{}' }],
    }).finish();
    const response = dolittle.runtime.events.CommitEventsResponse.decode(await connection.call('/dolittle.runtime.events.EventStore/Commit', request));
    expect(response.failure).toBeFalsy();
    return Number(response.events[0]!.eventLogSequenceNumber);
}

async function deliveryOf(sequenceNumber: number): Promise<Delivery> {
    const deadline = Date.now() + 30_000;
    for (;;) {
        const found = readDeliveries(deliveriesFile).find((delivery) => delivery.processor === 'partitioned' && delivery.sequenceNumber === sequenceNumber);
        if (found !== undefined) {
            return found;
        }
        if (Date.now() > deadline) {
            throw new Error(`The partitioned handler was not handed event ${sequenceNumber} within 30 s`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

describe('when the consumer head is killed and started again', () => {
    let runtime: TortureRuntime | undefined;
    let heads: ConsumerHeads | undefined;
    afterAll(async () => {
        await heads?.stop();
        await runtime?.stop();
        rmSync(folder, { recursive: true, force: true });
    });

    it('names the new head\'s connections apart from the first head\'s', async () => {
        runtime = await TortureRuntime.start(folder, []);
        const address = runtime.address!;
        const connection = new UnaryConnection(() => address);
        heads = new ConsumerHeads(deliveriesFile, join(folder, 'heads.log'));
        heads.start(address);
        const first = await deliveryOf(await commitOne(connection));
        await heads.killAndRestart(address);
        const second = await deliveryOf(await commitOne(connection));
        connection.close();
        expect({ first: first.connection, second: second.connection }).toEqual({ first: '1.1', second: '2.1' });
    }, 120_000);
});
