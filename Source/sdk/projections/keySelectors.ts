import type { dolittle } from '@dolittle-typescript/protocol';

type WireEventSelector = Omit<dolittle.runtime.events.processing.ProjectionEventSelector.$Properties, 'eventType'>;

/** How the Runtime picks the read model an event goes to; made by a KeySelectorBuilder. */
export abstract class KeySelector {
    /** The selector's part of the wire's ProjectionEventSelector. */
    abstract toWire(): WireEventSelector;
}

/** Keys read models by the event's event source id. */
export class EventSourceIdKeySelector extends KeySelector {
    /** The wire's eventSourceKeySelector. */
    toWire(): WireEventSelector {
        return { eventSourceKeySelector: {} };
    }
}

/** Keys read models by the partition the event is in (the empty GUID for the event log). */
export class PartitionIdKeySelector extends KeySelector {
    /** The wire's partitionKeySelector. */
    toWire(): WireEventSelector {
        return { partitionKeySelector: {} };
    }
}

/** Keys read models by the value of a property of the event's content (numbers become their text). */
export class EventPropertyKeySelector extends KeySelector {
    /** Creates the selector of the named property. */
    constructor(readonly propertyName: string) {
        super();
        if (propertyName.length === 0) {
            throw new TypeError('keyFromProperty(name) needs the name of a property of the event');
        }
    }

    /** The wire's eventPropertyKeySelector. */
    toWire(): WireEventSelector {
        return { eventPropertyKeySelector: { propertyName: this.propertyName } };
    }
}

/** Chooses the key selector of an @on method or .on(…) callback: `(_) => _.keyFromProperty('customer')`. */
export class KeySelectorBuilder<Event = unknown> {
    /** Keys by the event source id. */
    keyFromEventSource(): EventSourceIdKeySelector {
        return new EventSourceIdKeySelector();
    }

    /** Keys by the partition id. */
    keyFromPartitionId(): PartitionIdKeySelector {
        return new PartitionIdKeySelector();
    }

    /** Keys by a property of the event. */
    keyFromProperty(property: keyof Event & string): EventPropertyKeySelector {
        return new EventPropertyKeySelector(property);
    }
}

/** The callback that chooses a key selector. */
export type KeySelectorBuilderCallback<Event = unknown> = (builder: KeySelectorBuilder<Event>) => KeySelector;

/** Runs a key selector callback; throws naming where it was used when it returns no key selector. */
export function keySelectorFrom(callback: KeySelectorBuilderCallback<never>, where: string): KeySelector {
    const selector = (callback as KeySelectorBuilderCallback)(new KeySelectorBuilder());
    if (!(selector instanceof KeySelector)) {
        throw new TypeError(`${where}: the key selector callback must return a key selector, e.g. (_) => _.keyFromEventSource()`);
    }
    return selector;
}
