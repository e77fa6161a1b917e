/**
 * Freezes a value and everything it holds, including maps, whose set, delete and clear then throw, so that the
 * configuration cannot change once read.
 */
export function freezeDeeply<T>(value: T): T {
    if (value === null || typeof value !== 'object' || Object.isFrozen(value)) {
        return value;
    }
    if (value instanceof Map) {
        for (const [key, entry] of value) {
            freezeDeeply(key);
            freezeDeeply(entry);
        }
        for (const method of ['set', 'delete', 'clear']) {
            Object.defineProperty(value, method, { value: refuseChange, writable: false, configurable: false });
        }
    }
    Object.freeze(value);
    for (const entry of Object.values(value)) {
        freezeDeeply(entry);
    }
    return value;
}

function refuseChange(): never {
    throw new TypeError('The Runtime configuration is frozen and cannot be changed');
}
