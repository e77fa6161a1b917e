import { EventStoreIsUnavailable } from '../eventStore/index.js';

/** How a backend's failures are told apart, and who hears of an outage. */
export type OutageWatch = {
    /** Tells whether a storage error means the database cannot be reached or cannot take the work now. */
    readonly isUnavailable: (error: unknown) => boolean;
    /** Told of every storage call that failed because the database is unavailable. */
    readonly unavailable: (error: EventStoreIsUnavailable) => void;
};

/**
 * Wraps a tenant's storage (its event logs or its streams) so that every call that fails because the database is
 * unavailable, whichever call it is, rejects with EventStoreIsUnavailable (the cause kept) and is reported. Callers
 * then answer EventStoreUnavailable, or retry, instead of taking an outage for a broken store; and readiness hears
 * of it from this one place. Other failures pass through unchanged.
 */
export function watchForOutages<Storage extends object>(storage: Storage, watch: OutageWatch): Storage {
    // Made once per method, not on every call: the stream processors call some of them for every event.
    const watched = new Map<PropertyKey, (...argumentList: unknown[]) => Promise<unknown>>();
    return new Proxy(storage, {
        get(target, property) {
            const member: unknown = Reflect.get(target, property, target);
            if (typeof member !== 'function') {
                return member;
            }
            let method = watched.get(property);
            if (method === undefined) {
                method = async (...argumentList: unknown[]): Promise<unknown> => {
                    try {
                        // The target, not the proxy, is `this`: the backends keep their state in private fields.
                        return await Reflect.apply(member, target, argumentList);
                    } catch (error) {
                        throw classified(error, watch);
                    }
                };
                watched.set(property, method);
            }
            return method;
        },
    });
}

function classified(error: unknown, watch: OutageWatch): unknown {
    if (error instanceof EventStoreIsUnavailable) {
        watch.unavailable(error);
        return error;
    }
    if (!watch.isUnavailable(error)) {
        return error;
    }
    const unavailable = new EventStoreIsUnavailable(describe(error), { cause: error });
    watch.unavailable(unavailable);
    return unavailable;
}

/** The driver's message, or its code when the message is empty (as for a refused connection to several addresses). */
function describe(error: unknown): string {
    if (error instanceof AggregateError && error.message === '' && error.errors.length > 0) {
        return describe(error.errors[0]);
    }
    if (error instanceof Error && error.message !== '') {
        return error.message;
    }
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
    return code ?? String(error);
}
