// Decorators of this SDK run under both TypeScript decorator modes. Standard (TC39) decorators get (value, context)
// where context has a `kind`; experimentalDecorators get (target) for classes and (prototype, key, descriptor) for
// methods. Both hand over the method's function, and the class decorator runs after the method decorators in both,
// so a method decorator marks the function and the class decorator collects the marked methods from the prototype.

/** A class, as decorators and registrations take it (any constructor). */
export type Class = abstract new (...args: never[]) => unknown;

/** A method function, as method decorators get it. */
export type Method = (...args: never[]) => unknown;

/** Tells whether a decorator was called as a standard (TC39) decorator: its second argument is a decorator context. */
export function isStandardDecoratorContext(value: unknown): value is { readonly kind: string; readonly name: string | symbol } {
    return typeof value === 'object' && value !== null && 'kind' in value && 'name' in value;
}

/** The method function a method decorator was applied to, in either decorator mode; throws naming the decorator when it is not on a method. */
export function decoratedMethodOf(decorator: string, targetOrMethod: unknown, contextOrKey: unknown, descriptor: PropertyDescriptor | undefined): Method {
    if (isStandardDecoratorContext(contextOrKey)) {
        if (contextOrKey.kind !== 'method' || typeof targetOrMethod !== 'function') {
            throw new TypeError(`@${decorator} decorates methods only, not the ${contextOrKey.kind} '${String(contextOrKey.name)}'`);
        }
        return targetOrMethod as Method;
    }
    const method = descriptor?.value as unknown;
    if (typeof method !== 'function') {
        throw new TypeError(`@${decorator} decorates methods only, not '${String(contextOrKey)}'`);
    }
    return method as Method;
}

/** The class a class decorator was applied to, in either decorator mode; throws naming the decorator when it is not on a class. */
export function decoratedClassOf(decorator: string, target: unknown, context: unknown): Class {
    if (typeof target !== 'function' || (isStandardDecoratorContext(context) && context.kind !== 'class')) {
        throw new TypeError(`@${decorator} decorates classes only`);
    }
    return target as Class;
}

/** A method found on a class's prototype chain together with the mark a method decorator left on it. */
export type MarkedMethod<Mark> = { readonly name: string; readonly method: Method; readonly mark: Mark };

/** Marks a method function (with a symbol only this SDK reads), so that its class decorator finds it later. */
export function markMethod<Mark>(key: symbol, method: Method, mark: Mark): void {
    const marks = (Object.getOwnPropertyDescriptor(method, key)?.value as Mark[] | undefined) ?? [];
    Object.defineProperty(method, key, { value: [...marks, mark], configurable: true });
}

/** Every method of a class (own or inherited) that carries marks under the key, nearest class first. */
export function markedMethodsOf<Mark>(type: Class, key: symbol): ReadonlyArray<MarkedMethod<Mark>> {
    const found: MarkedMethod<Mark>[] = [];
    const seen = new Set<string>();
    for (let prototype = type.prototype as object | null; prototype !== null && prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype) as object | null) {
        for (const name of Object.getOwnPropertyNames(prototype)) {
            const method = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
            if (name === 'constructor' || seen.has(name) || typeof method !== 'function') {
                continue;
            }
            seen.add(name);
            const marks = (Object.getOwnPropertyDescriptor(method, key)?.value as Mark[] | undefined) ?? [];
            for (const mark of marks) {
                found.push({ name, method: method as Method, mark });
            }
        }
    }
    return found;
}

/** Stores what a class decorator says about a class on the class itself (not inherited by subclasses). */
export function describeClass<Description>(type: Class, key: symbol, description: Description): void {
    Object.defineProperty(type, key, { value: description, configurable: true });
}

/** What a class decorator said about this very class, if it was decorated. */
export function descriptionOf<Description>(type: Class, key: symbol): Description | undefined {
    return Object.getOwnPropertyDescriptor(type, key)?.value as Description | undefined;
}
