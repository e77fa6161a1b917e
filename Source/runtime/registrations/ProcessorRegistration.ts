import type { Failure } from '../failures/index.js';
import type { Guid } from '../guids/index.js';
import type { LogMessage } from '../logging/index.js';
import type { ReverseCallConnection } from '../reverseCalls/index.js';
import type { Tenant, TenantCheck } from '../tenancy/index.js';

/** What a registered processor runs for its connection, stopped when the head disconnects. */
export type RunningProcessors = {
    /** Stops every processor of the registration; the events in flight are delivered again on the next registration. */
    stop(): Promise<void>;
};

/** The log messages every kind of registration writes, each feature in its own words. */
export type RegistrationLogMessages = {
    readonly registered: LogMessage;
    readonly registrationRefused: LogMessage;
    readonly disconnected: LogMessage;
    readonly failedUnexpectedly: LogMessage;
};

/**
 * The rules of one kind of processor a head registers over a reverse call (an event handler, a filter, a
 * projection): how to read and validate its registration, the failure that refuses it, the check each tenant makes,
 * and what runs once it is accepted. `serveProcessorRegistration` applies them in the one lifecycle they share.
 */
export type ProcessorRegistration<ConnectArguments, Request, Response, Registration> = {
    /** The kind, as a holder of a processor id is named in a refusal, e.g. `event handler`. */
    readonly kind: string;
    readonly messages: RegistrationLogMessages;
    /** Reads the registration from the connect arguments; throws, naming the field, when they are malformed. */
    fromWire(connectArguments: ConnectArguments): Registration;
    /** The scope and the processor id the registration takes in this Runtime. */
    idOf(registration: Registration): { readonly scope: Guid; readonly processorId: Guid };
    /** The log bindings of the registration's logger. */
    bindingsOf(registration: Registration): Readonly<Record<string, unknown>>;
    /** A refusal that needs no tenant (e.g. the empty id, too many event types), or undefined. */
    validate(registration: Registration): Failure | undefined;
    /** The documented failure that refuses a registration, with why. */
    failedToRegister(processorId: Guid, reason: string): Failure;
    /** Checks the registration for one tenant: a refusal, or how to store it once every tenant allows it. */
    checkTenant(registration: Registration, tenant: Tenant): Promise<TenantCheck>;
    /** What the accepted registration logs beside its bindings. */
    registeredData?(registration: Registration): Readonly<Record<string, unknown>>;
    /** Starts the registration's processors for every tenant; they stop with the connection's signal at the latest. */
    start(registration: Registration, connection: ReverseCallConnection<ConnectArguments, Request, Response>, tenants: ReadonlyArray<Tenant>): RunningProcessors;
};
