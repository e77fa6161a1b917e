import { describe, expect, it } from 'vitest';
import { defaultChartFile, isSystemChosen, PeerArgumentIsInvalid, peerScenarioKeys, readPeerOptions } from './PeerOptions.js';

describe('when reading the peer comparison options', () => {
    it('runs every scenario at full size by default', () => {
        const options = readPeerOptions(['--peers'], {});
        expect([options.quick, options.scenarios, options.sizes.catchUpEvents, options.jsonFile, options.chartFile]).toEqual([false, peerScenarioKeys, 100_000, undefined, undefined]);
    });

    it('runs smaller with --quick or BENCH_QUICK=1', () => {
        expect([readPeerOptions(['--peers', '--quick'], {}).sizes.catchUpEvents, readPeerOptions([], { BENCH_QUICK: '1' }).quick]).toEqual([5_000, true]);
    });

    it('writes the chart to the documentation when --chart names no file', () => {
        expect([readPeerOptions(['--chart', '--quick'], {}).chartFile, readPeerOptions(['--chart', 'out.svg'], {}).chartFile]).toEqual([defaultChartFile, 'out.svg']);
    });

    it('takes the JSON file, the systems, the scenarios and the server', () => {
        const options = readPeerOptions(['--json', 'r.json', '--only', 'Emmett', '--scenario', 'latency', '--scenario', 'batches', '--postgres', 'postgres://x/y', '--system'], {});
        expect([options.jsonFile, options.systemFilters, options.scenarios, options.postgresServer, options.describeSystemOnly]).toEqual(['r.json', ['emmett'], ['latency', 'batches'], 'postgres://x/y', true]);
    });

    it('refuses an unknown scenario, naming it', () => {
        expect(() => readPeerOptions(['--scenario', 'everything'], {})).toThrow(PeerArgumentIsInvalid);
    });

    it('refuses --json without a file', () => {
        expect(() => readPeerOptions(['--json', '--quick'], {})).toThrow("Unknown or incomplete argument '--json'");
    });

    it('chooses systems whose name or name/backend contains a filter, ignoring case', () => {
        expect([isSystemChosen([], 'Emmett', 'postgres'), isSystemChosen(['emmett'], 'Emmett', 'postgres'), isSystemChosen(['lean grpc)/embedded'], 'Dolittle (lean gRPC)', 'postgres')]).toEqual([true, true, false]);
    });
});
