import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printLogsOnFailure } from '../../runtime/host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../../runtime/host/given/RuntimeUnderTest.js';
import { startRuntime } from '../../runtime/host/given/startRuntime.js';
import { waitUntil } from '../../runtime/host/given/waitUntil.js';
import type { Client } from '../Client.js';
import type { ClientBuilder } from '../ClientBuilder.js';
import { connectOurClient, type RecordedLines } from '../given/connectOurClient.js';
import type { RegistrationOutcome } from './RegistrationOutcome.js';

describe('when a second head registers an event handler that another head has registered', () => {
    let runtime: RuntimeUnderTest | undefined;
    let first: Client;
    let second: Client;
    const eventHandlerId = randomUUID();
    const eventType = randomUUID();
    const secondOutcomes: RegistrationOutcome[] = [];
    const secondLines: RecordedLines = { lines: [] };
    printLogsOnFailure(() => runtime);

    const withTheHandler = (builder: ClientBuilder) => builder.withEventHandlers((handlers) => handlers.createEventHandler(eventHandlerId, (handler) => handler.handle(eventType, () => undefined)));

    beforeAll(async () => {
        runtime = await startRuntime({ backend: { kind: 'embedded' } });
        first = connectOurClient(runtime, withTheHandler);
        await first.registered;
        second = connectOurClient(runtime, withTheHandler, secondLines);
        second.onRegistration((outcome) => secondOutcomes.push(outcome));
        await waitUntil(() => secondOutcomes.some((outcome) => !outcome.registered), 'the Runtime refused the second registration', 5_000).catch((error: unknown) => {
            throw new Error(`${String(error)}: ${secondLines.lines.length + ' lines; ' + secondLines.lines.slice(-3).join('')}`);
        });
        await first.disconnect();
        await second.registered;
    }, 60_000);
    afterAll(async () => {
        await first?.disconnect();
        await second?.disconnect();
        await runtime?.dispose();
    });

    it('tells the application that the Runtime refused it, with the Runtime\'s reason', () => {
        const refusal = secondOutcomes.find((outcome) => !outcome.registered);
        expect(refusal).toMatchObject({ kind: 'event handler', id: eventHandlerId, registered: false });
        expect(refusal?.reason).toContain('it is already registered in this Runtime by a connected event handler');
    });
    it('logs why it tries again', () => expect(secondLines.lines.some((line) => line.includes('already registered') && line.includes('connecting again'))).toBe(true));
    it('registers by itself once the first head is gone', () => expect(secondOutcomes.at(-1)).toMatchObject({ registered: true }));
});
