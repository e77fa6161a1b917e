import { dolittle } from '@dolittle-typescript/protocol';
import type { Class } from '../../decorators/decoratorCall.js';
import { Key } from '../Key.js';
import { readModelFrom } from '../projectionProcessor.js';

/** Whether a read model was stored, or is the projection's initial state (nothing was projected for its key yet). */
export enum CurrentStateType {
    CreatedFromInitialState = 0,
    Persisted = 1,
}

/** Thrown when the Runtime answers a current state of a type this SDK does not know. */
export class UnknownCurrentStateType extends Error {
    /** Creates the error naming the type. */
    constructor(type: unknown) {
        super(`The Runtime answered a projection state of type ${String(type)}, which is neither CREATED_FROM_INITIAL_STATE nor PERSISTED: is the Runtime newer than this SDK?`);
        this.name = 'UnknownCurrentStateType';
    }
}

/** The state of one read model of a projection, with its key and whether it was stored. */
export class CurrentState<ReadModel> {
    /** Creates the state of the read model of a key. */
    constructor(readonly type: CurrentStateType, readonly state: ReadModel, readonly key: Key) {}

    /** Reads the wire's ProjectionCurrentState; the state becomes an object of the read model class when given. */
    static fromWire<ReadModel>(wire: dolittle.runtime.projections.ProjectionCurrentState.$Properties, type: Class | undefined): CurrentState<ReadModel> {
        const wireType = wire.type ?? dolittle.runtime.projections.ProjectionCurrentStateType.CREATED_FROM_INITIAL_STATE;
        const stateType = wireType === dolittle.runtime.projections.ProjectionCurrentStateType.PERSISTED
            ? CurrentStateType.Persisted
            : wireType === dolittle.runtime.projections.ProjectionCurrentStateType.CREATED_FROM_INITIAL_STATE ? CurrentStateType.CreatedFromInitialState : undefined;
        if (stateType === undefined) {
            throw new UnknownCurrentStateType(wireType);
        }
        return new CurrentState(stateType, readModelFrom(wire.state ?? 'null', type) as ReadModel, Key.from(wire.key ?? ''));
    }
}
