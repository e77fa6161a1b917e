import { dolittle } from '@dolittle-typescript/protocol';
import { describe, expect, it } from 'vitest';
import { anExecutionContext } from '../eventStore/given/anExecutionContext.js';
import { aSilentLogger } from '../eventStore/given/aSilentLogger.js';
import { emptyGuid, newGuid, type Guid } from '../guids/index.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { eventLogSourceFor, neverRetry } from '../streamProcessors/index.js';
import { processingBackends } from '../streamProcessors/given/processingBackends.js';
import { TenantUnderTest } from '../streamProcessors/given/TenantUnderTest.js';
import type { ProjectionDefinition } from './ProjectionDefinition.js';
import { ProjectionProcessor, projectionProcessorKey } from './ProjectionProcessor.js';
import type { ProjectionRequest, ProjectionResponse } from './projectionsProtocol.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const visited = newGuid();

type Answer = { readonly replace: unknown } | { readonly delete: true } | { readonly failure: { readonly reason: string; readonly retry: boolean; readonly retryTimeoutMilliseconds: number } } | { readonly nothing: true };
type Asked = { readonly key: string; readonly state: unknown; readonly persisted: boolean; readonly content: Record<string, unknown>; readonly retryCount: number | undefined };

/** A head whose answers a test scripts: each request is recorded, and the script may hold an answer back. */
function aScriptedHead(script: (asked: Asked, all: ReadonlyArray<Asked>) => Answer | Promise<Answer>) {
    const asked: Asked[] = [];
    const askHead = async (request: ProjectionRequest): Promise<ProjectionResponse> => {
        const current = request.currentState!;
        const entry: Asked = {
            key: current.key ?? '',
            state: JSON.parse(current.state ?? 'null') as unknown,
            persisted: current.type === dolittle.runtime.projections.ProjectionCurrentStateType.PERSISTED,
            content: JSON.parse(request.event?.event?.content ?? '{}') as Record<string, unknown>,
            retryCount: request.retryProcessingState?.retryCount ?? undefined,
        };
        asked.push(entry);
        const answer = await script(entry, asked);
        const response = new dolittle.runtime.events.processing.ProjectionResponse();
        if ('replace' in answer) {
            response.replace = { state: JSON.stringify(answer.replace) };
        } else if ('delete' in answer) {
            response.delete = {};
        } else if ('failure' in answer) {
            response.failure = { reason: answer.failure.reason, retry: answer.failure.retry, retryTimeout: { seconds: 0, nanos: answer.failure.retryTimeoutMilliseconds * 1_000_000 } };
        }
        return response;
    };
    return { asked, askHead };
}

/** Counts the visits of a key and sums their amounts. */
const count = (asked: Asked): Answer => {
    const state = asked.state as { visits: number; total: number };
    return { replace: { visits: state.visits + 1, total: state.total + Number(asked.content['amount'] ?? 0) } };
};

describeForEachBackend(backends, 'when a projection processor projects a tenant\'s event log, stored in $name', (backend) => {
    const given = TenantUnderTest.forEachTest(backend);
    const definitionOf = (keySelector: ProjectionDefinition['selectors'][number]['keySelector']): ProjectionDefinition => ({
        scope: emptyGuid,
        projectionId: newGuid(),
        selectors: [{ eventType: visited, keySelector }],
        initialState: JSON.stringify({ visits: 0, total: 0 }),
    });
    const commit = async (...events: ReadonlyArray<{ readonly eventSourceId: Guid; readonly content: Record<string, unknown> }>) => {
        const result = await given().tenant.eventStore.commit({
            kind: 'events',
            executionContext: anExecutionContext(),
            events: events.map((event) => ({ type: { id: visited, generation: 1 }, eventSourceId: event.eventSourceId, public: false, content: JSON.stringify(event.content) })),
        });
        if (!result.succeeded) {
            throw new Error(result.failure.reason);
        }
    };
    const start = async (definition: ProjectionDefinition, askHead: (request: ProjectionRequest) => Promise<ProjectionResponse>, batchSize?: number) => {
        const { tenant } = given();
        await tenant.storage.projections.saveDefinition(definition, { processor: projectionProcessorKey(definition) });
        given().run(new ProjectionProcessor({
            definition,
            source: eventLogSourceFor(tenant.storage.eventLog, definition.scope),
            projections: tenant.storage.projections,
            streams: tenant.storage.streams,
            changes: tenant.changes,
            askHead,
            logger: aSilentLogger(),
            ...(batchSize === undefined ? {} : { batchSize }),
        }));
    };
    const stateOf = (definition: ProjectionDefinition) => given().tenant.storage.streams.state(projectionProcessorKey(definition));
    const failingKeysOf = async (definition: ProjectionDefinition) => [...(await given().tenant.storage.projections.failingKeys(definition.scope, definition.projectionId)).values()];
    const readModels = async (definition: ProjectionDefinition) =>
        Object.fromEntries((await given().tenant.storage.projections.readModels(definition.scope, definition.projectionId)).map((readModel) => [readModel.key, JSON.parse(readModel.state) as unknown]));
    const [table1, table2] = [newGuid(), newGuid()];

    describe('and the head answers one key only after it was asked about another', () => {
        it('sends the other key\'s event without waiting, keeps each key in order and commits every change', async () => {
            const definition = definitionOf({ kind: 'eventSourceId' });
            let release: () => void = () => undefined;
            const otherKeyAsked = new Promise<void>((resolve) => {
                release = resolve;
            });
            const head = aScriptedHead(async (asked) => {
                if (asked.key === table1 && asked.content['amount'] === 1) {
                    await otherKeyAsked;
                }
                if (asked.key === table2) {
                    release();
                }
                return count(asked);
            });
            await commit({ eventSourceId: table1, content: { amount: 1 } }, { eventSourceId: table2, content: { amount: 10 } }, { eventSourceId: table1, content: { amount: 2 } });
            await start(definition, head.askHead);
            await waitUntil(async () => (await stateOf(definition))?.position === 3, 'the projection reached position 3');
            expect([
                await readModels(definition),
                head.asked.filter((asked) => asked.key === table1).map((asked) => [asked.content['amount'], asked.persisted, asked.state]),
            ]).toEqual([
                { [table1]: { visits: 2, total: 3 }, [table2]: { visits: 1, total: 10 } },
                [[1, false, { visits: 0, total: 0 }], [2, true, { visits: 1, total: 1 }]],
            ]);
        });
    });

    describe('and the head answers a delete', () => {
        it('removes the read model, and the next event of the key starts from the initial state', async () => {
            const definition = definitionOf({ kind: 'eventSourceId' });
            const head = aScriptedHead((asked) => (asked.content['leave'] === true ? { delete: true } : count(asked)));
            await commit({ eventSourceId: table1, content: { amount: 1 } }, { eventSourceId: table1, content: { leave: true } }, { eventSourceId: table2, content: { amount: 4 } });
            await start(definition, head.askHead);
            await waitUntil(async () => (await stateOf(definition))?.position === 3, 'the projection reached position 3');
            expect(await readModels(definition)).toEqual({ [table2]: { visits: 1, total: 4 } });
        });
    });

    describe('and the key is a property', () => {
        it('keys strings as they are and other values as their JSON text', async () => {
            const definition = definitionOf({ kind: 'property', propertyName: 'guest' });
            const head = aScriptedHead(count);
            await commit({ eventSourceId: table1, content: { guest: 'Ada', amount: 1 } }, { eventSourceId: table1, content: { guest: 7, amount: 2 } }, { eventSourceId: table2, content: { guest: { seat: 1 }, amount: 3 } });
            await start(definition, head.askHead);
            await waitUntil(async () => (await stateOf(definition))?.position === 3, 'the projection reached position 3');
            expect(Object.keys(await readModels(definition)).sort()).toEqual(['7', 'Ada', '{"seat":1}']);
        });

        it('fails, never retried, at an event without the property, naming the property and the event, and projects the other keys', async () => {
            const definition = definitionOf({ kind: 'property', propertyName: 'guest' });
            const head = aScriptedHead(count);
            await commit({ eventSourceId: table1, content: { guest: 'Ada', amount: 1 } }, { eventSourceId: table1, content: { amount: 2 } }, { eventSourceId: table2, content: { guest: 'Grace', amount: 3 } });
            await start(definition, head.askHead);
            await waitUntil(async () => (await stateOf(definition))?.position === 3, 'the projection reached position 3');
            expect([await readModels(definition), (await failingKeysOf(definition)).map((failing) => [failing.position, failing.reason, failing.retryTime])]).toEqual([
                { Ada: { visits: 1, total: 1 }, Grace: { visits: 1, total: 3 } },
                [[1, `The content of event 1 of type ${visited} has no top-level property 'guest' to key the read model by`, neverRetry]],
            ]);
        });
    });

    describe('and the head answers neither a replace, a delete nor a failure', () => {
        it('fails at that event, stores nothing for it, and projects the other keys', async () => {
            const definition = definitionOf({ kind: 'eventSourceId' });
            const head = aScriptedHead((asked) => (asked.content['amount'] === 2 ? { nothing: true } : count(asked)));
            await commit({ eventSourceId: table1, content: { amount: 1 } }, { eventSourceId: table2, content: { amount: 2 } }, { eventSourceId: table1, content: { amount: 3 } });
            await start(definition, head.askHead);
            await waitUntil(async () => (await stateOf(definition))?.position === 3, 'the projection reached position 3');
            expect([await readModels(definition), (await failingKeysOf(definition)).map((failing) => [failing.position, failing.reason])]).toEqual([
                { [table1]: { visits: 2, total: 4 } },
                [[1, `The head answered event 1 for key '${table2}' with neither a replace, a delete nor a failure`]],
            ]);
        });
    });

    describe('and the head fails once on an event and asks for a retry', () => {
        it('retries it with its retry state and applies every event once', async () => {
            const definition = definitionOf({ kind: 'eventSourceId' });
            const head = aScriptedHead((asked, all) =>
                asked.content['amount'] === 2 && all.filter((earlier) => earlier.content['amount'] === 2).length === 1
                    ? { failure: { reason: 'The oven is cold', retry: true, retryTimeoutMilliseconds: 10 } }
                    : count(asked),
            );
            await commit({ eventSourceId: table1, content: { amount: 1 } }, { eventSourceId: table1, content: { amount: 2 } }, { eventSourceId: table2, content: { amount: 3 } });
            await start(definition, head.askHead);
            // Other keys go on while one waits for its retry: the position can pass the failing event before it is retried.
            await waitUntil(async () => (await stateOf(definition))?.position === 3 && (await failingKeysOf(definition)).length === 0 && head.asked.length >= 4, 'the projection reached position 3 and retried');
            expect([await readModels(definition), head.asked.filter((asked) => asked.content['amount'] === 2).map((asked) => asked.retryCount)]).toEqual([
                { [table1]: { visits: 2, total: 3 }, [table2]: { visits: 1, total: 3 } },
                [undefined, 1],
            ]);
        });
    });

    describe('and one key keeps failing while the other keys have events after it', () => {
        it('projects the other keys to the end, and the failing key, once it recovers, gets each of its events once and in order', async () => {
            const definition = definitionOf({ kind: 'eventSourceId' });
            let ovenIsCold = true;
            const head = aScriptedHead((asked) =>
                asked.key === table1 && asked.content['amount'] === 2 && ovenIsCold ? { failure: { reason: 'The oven is cold', retry: true, retryTimeoutMilliseconds: 20 } } : count(asked),
            );
            const table3 = newGuid();
            await commit(
                { eventSourceId: table1, content: { amount: 1 } },
                { eventSourceId: table1, content: { amount: 2 } },
                { eventSourceId: table2, content: { amount: 10 } },
                { eventSourceId: table1, content: { amount: 3 } },
                { eventSourceId: table2, content: { amount: 20 } },
                { eventSourceId: table3, content: { amount: 100 } },
                { eventSourceId: table1, content: { amount: 4 } },
            );
            // Batches of two events: the failing key catches up over several passes after it recovers.
            await start(definition, head.askHead, 2);
            await waitUntil(async () => (await stateOf(definition))?.position === 7 && (await failingKeysOf(definition)).some((failing) => failing.attempts >= 2), 'the other keys reached the end and the key was retried');
            const whileFailing = [await readModels(definition), (await failingKeysOf(definition)).map((failing) => [failing.position, failing.reason])];
            ovenIsCold = false;
            await commit({ eventSourceId: table1, content: { amount: 5 } }, { eventSourceId: table2, content: { amount: 30 } });
            await waitUntil(async () => (await stateOf(definition))?.position === 9 && (await failingKeysOf(definition)).length === 0, 'the failing key recovered');
            expect([
                whileFailing,
                await readModels(definition),
                head.asked.filter((asked) => asked.key === table1 && asked.content['amount'] !== 2).map((asked) => asked.content['amount']),
            ]).toEqual([
                [{ [table1]: { visits: 1, total: 1 }, [table2]: { visits: 2, total: 30 }, [table3]: { visits: 1, total: 100 } }, [[1, 'The oven is cold']]],
                { [table1]: { visits: 5, total: 15 }, [table2]: { visits: 3, total: 60 }, [table3]: { visits: 1, total: 100 } },
                [1, 3, 4, 5],
            ]);
        });
    });
});
