import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

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
    return deliveriesOf(text);
}

/** Reads the deliveries file as it grows: each read answers the deliveries of the whole lines written since the last. */
export class GrowingDeliveries {
    readonly #file: string;
    #offset = 0;

    /** Reads the file from its start on. */
    constructor(file: string) {
        this.#file = file;
    }

    /** The deliveries of the whole lines written since the last read (none while the file is not there). */
    readNew(): ReadonlyArray<Delivery> {
        let descriptor: number;
        try {
            descriptor = openSync(this.#file, 'r');
        } catch {
            return [];
        }
        try {
            const length = fstatSync(descriptor).size - this.#offset;
            if (length <= 0) {
                return [];
            }
            const buffer = Buffer.alloc(length);
            const read = readSync(descriptor, buffer, 0, length, this.#offset);
            // A line still being written is read next time, whole.
            const end = buffer.subarray(0, read).lastIndexOf(0x0a) + 1;
            this.#offset += end;
            return deliveriesOf(buffer.subarray(0, end).toString('utf8'));
        } finally {
            closeSync(descriptor);
        }
    }
}

function deliveriesOf(text: string): ReadonlyArray<Delivery> {
    const deliveries: Delivery[] = [];
    for (const line of text.split('\n')) {
        const [processor, connection, tenant, sequenceNumber, partition] = line.split(',');
        if ((processor === 'unpartitioned' || processor === 'partitioned') && connection !== undefined && partition !== undefined && partition.length === 36) {
            deliveries.push({ processor, connection, tenant: Number(tenant), sequenceNumber: Number(sequenceNumber), partition });
        }
    }
    return deliveries;
}
