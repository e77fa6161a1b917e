import { readFileSync } from 'node:fs';

/** One delivery of an event to an event handler of the consumer head. */
export type Delivery = {
    readonly processor: 'unpartitioned' | 'partitioned';
    /** The head's connection for that processor, `<head start>.<connection>`: a new one after every reconnect and head start. */
    readonly connection: string;
    readonly tenant: number;
    readonly sequenceNumber: number;
    readonly partition: string;
};

/** Reads the deliveries file the consumer head writes (a partial last line, written as it was killed, is left out). */
export function readDeliveries(file: string): ReadonlyArray<Delivery> {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch {
        return [];
    }
    const deliveries: Delivery[] = [];
    for (const line of text.split('\n')) {
        const [processor, connection, tenant, sequenceNumber, partition] = line.split(',');
        if ((processor === 'unpartitioned' || processor === 'partitioned') && connection !== undefined && partition !== undefined && partition.length === 36) {
            deliveries.push({ processor, connection, tenant: Number(tenant), sequenceNumber: Number(sequenceNumber), partition });
        }
    }
    return deliveries;
}
