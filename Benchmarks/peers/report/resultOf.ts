import type { PeerSystem } from '../PeerSystem.js';
import { countDelivery } from './countDelivery.js';
import type { Direction, PeerResult } from './PeerResult.js';

/** What a scenario measured, before its events are counted. */
export type Measured = {
    readonly scenario: string;
    readonly value: number;
    readonly unit: string;
    readonly direction: Direction;
    readonly failed: number;
    readonly consumer?: string;
    readonly note?: string;
    /** The consumer ran out of time while still delivering: what it did not deliver was not reached. */
    readonly cutShort?: boolean;
};

/**
 * A result with its events counted: what the system acknowledged against what its database holds of the scenario's
 * events and, for consumer scenarios, against what the consumer delivered.
 */
export function resultOf(system: PeerSystem, measured: Measured, acknowledged: ReadonlyArray<number>, stored: ReadonlyArray<number>, delivered?: ReadonlyArray<number>): PeerResult {
    const inStore = countDelivery(acknowledged, stored);
    const result: PeerResult = {
        system: measured.consumer === undefined ? system.name : `${system.name} (${measured.consumer} consumer)`,
        backend: system.backend,
        role: system.role,
        scenario: measured.scenario,
        value: measured.value,
        unit: measured.unit,
        direction: measured.direction,
        acknowledged: acknowledged.length,
        stored: inStore.found,
        lost: inStore.missing,
        duplicated: inStore.duplicates,
        failed: measured.failed,
        ...(measured.note === undefined ? {} : { note: measured.note }),
    };
    if (delivered === undefined) {
        return result;
    }
    const expected = new Set(acknowledged);
    const byConsumer = countDelivery(acknowledged, delivered.filter((number) => expected.has(number)));
    const delivery = { delivered: expected.size - byConsumer.missing, missing: byConsumer.missing, duplicates: byConsumer.duplicates };
    return { ...result, delivery: measured.cutShort === true ? { ...delivery, cutShort: true } : delivery };
}
