import { describe, expect, it } from 'vitest';
import { EventStoreIsUnavailable } from '../eventStore/EventStoreIsUnavailable.js';
import { createLogging, defineLogMessages } from '../logging/index.js';
import { StorageFailureLog } from './StorageFailureLog.js';

const messages = defineLogMessages({
    unavailable: { level: 'warn', message: 'unavailable' },
    available: { level: 'info', message: 'available again' },
    failed: { level: 'error', message: 'failed' },
});

function aLog() {
    const lines: Array<{ readonly msg: string; readonly reason?: string; readonly error?: string }> = [];
    const logger = createLogging({ level: 'trace', format: 'json', categoryLevels: [] }, { write: (line) => lines.push(JSON.parse(line) as { msg: string }) })('loop');
    return { log: new StorageFailureLog(logger, messages), said: () => lines.map((line) => [line.msg, line.reason ?? line.error]) };
}

const outage = () => new EventStoreIsUnavailable('connect ECONNREFUSED 127.0.0.1:5432');

describe('when a loop over storage logs its failures', () => {
    describe('and the store is unavailable for several attempts, then back', () => {
        it('says once that it is unavailable, with what the database said, and once that it is back', () => {
            const { log, said } = aLog();
            log.failed(outage());
            log.failed(outage());
            log.failed(outage());
            log.succeeded();
            log.succeeded();
            expect(said()).toEqual([['unavailable', 'connect ECONNREFUSED 127.0.0.1:5432'], ['available again', undefined]]);
        });
    });

    describe('and a second outage follows', () => {
        it('says so again', () => {
            const { log, said } = aLog();
            log.failed(outage());
            log.succeeded();
            log.failed(outage());
            expect(said().map(([message]) => message)).toEqual(['unavailable', 'available again', 'unavailable']);
        });
    });

    describe('and attempts fail for another reason', () => {
        it('logs every one of them', () => {
            const { log, said } = aLog();
            log.failed(new Error('no such table: stream_processor_states'));
            log.failed(new Error('no such table: stream_processor_states'));
            log.succeeded();
            expect(said()).toEqual([['failed', 'Error: no such table: stream_processor_states'], ['failed', 'Error: no such table: stream_processor_states']]);
        });
    });
});
