import { guidToUuid, uuidToGuid, type dolittle } from '@dolittle-typescript/protocol';
import type { GuidLike } from '../execution/Guid.js';
import { EventTypeId } from './EventTypeId.js';

/** An event type: its id and generation (and an alias, a name for people). */
export class EventType {
    /** Creates an event type; the generation is a positive integer (1 unless told). */
    constructor(readonly id: EventTypeId, readonly generation = 1, readonly alias?: string) {
        if (!Number.isInteger(generation) || generation < 1) {
            throw new RangeError(`The generation of event type ${id.value} must be a positive integer, not ${generation}`);
        }
    }

    /** An event type from an id (GUID text or identifier) and a generation (1 unless told). */
    static from(id: GuidLike | EventType, generation = 1): EventType {
        return id instanceof EventType ? id : new EventType(EventTypeId.from(id), generation);
    }

    /** Tells whether another event type has the same id and generation. */
    equals(other: EventType): boolean {
        return this.id.equals(other.id) && this.generation === other.generation;
    }

    /** The key an event type is looked up by: id and generation. */
    get key(): string {
        return `${this.id.value}/${this.generation}`;
    }

    /** The event type as the wire's Artifact message. */
    toWire(): dolittle.artifacts.Artifact.$Properties {
        return { id: guidToUuid(this.id.value), generation: this.generation };
    }

    /** Reads the wire's Artifact message. */
    static fromWire(artifact: dolittle.artifacts.Artifact.$Properties | null | undefined): EventType {
        return new EventType(EventTypeId.from(uuidToGuid(artifact?.id)), Math.max(1, artifact?.generation ?? 1));
    }

    /** `id/generation`, as logs show it. */
    toString(): string {
        return this.alias === undefined ? this.key : `${this.alias} (${this.key})`;
    }
}
