import { describe, expect, it } from 'vitest';
import { ListeningPortsReport } from './listeningPorts.js';

const listening = (endpoint: string, port: number) => JSON.stringify({ level: 30, time: 1, category: 'runtime.host', endpoint, port, msg: 'Listening' });

describe('when reading the ports a Runtime reports', () => {
    describe('and it reported all four endpoints between other lines', () => {
        const report = new ListeningPortsReport();
        for (const line of [
            listening('http', 40_001),
            '{"level":30,"msg":"Tenant event store opened"}',
            'not JSON at all, "Listening"',
            listening('private', 40_002),
            listening('public', 40_003),
            listening('management', 40_004),
        ]) {
            report.read(line);
        }

        it('knows each port', () => {
            expect(report.ports).toEqual({ httpPort: 40_001, privatePort: 40_002, publicPort: 40_003, managementPort: 40_004 });
        });
    });

    describe('and only the HTTP endpoint has been reported yet', () => {
        const report = new ListeningPortsReport();
        report.read(listening('http', 40_001));

        it('knows no ports yet', () => {
            expect(report.ports).toBeUndefined();
        });
    });
});
