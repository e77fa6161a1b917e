// Builders of SDK (google-protobuf) messages with realistic content, for the wire compatibility tests.
import { createRequire } from 'node:module';
import {
    sdkArtifacts,
    sdkCommitted,
    sdkExecution,
    sdkSecurity,
    sdkTimestamp,
    sdkUuid,
    sdkVersioning,
} from './sdkContracts.js';

type RudimentsModule = typeof import('@dolittle/rudiments');
const { Guid } = createRequire(import.meta.url)('@dolittle/rudiments') as RudimentsModule;

/** Ids used across the tests, as text. */
export const ids = Object.freeze({
    microservice: 'f39b1f61-d360-4675-b859-53c05c87c0e6',
    tenant: '445f8ea8-1a6f-40d7-b2fc-796dba92dc44',
    correlation: '868ff40f-a133-4d0f-bfdd-18d726181e01',
    eventSource: '0b3a0d4c-1f56-4e4b-a4d2-9b8f4c0e2a11',
    eventType: 'aa4e1a9e-c481-4a2a-abe8-4799a6bbe3b7',
    aggregateRoot: 'c2f0d8a3-7d86-49b0-9d3c-0e1b8e9d7f42',
    handler: '6a7f4ab9-5c39-4d3c-8f8e-2d0b3a7c1e55',
    scope: '00000000-0000-0000-0000-000000000000',
    head: 'd1b6a58c-7f3e-4b0a-9c2d-4e5f60718293',
    call: '3e1c2b4a-5d6f-4788-99aa-bbccddeeff00',
    partition: '7d9f1e2c-3b4a-4c5d-8e6f-708192a3b4c5',
    failure: 'dbfdfa15-e727-49f6-bed8-7a787954a4c6',
});

/** An SDK Uuid for GUID text, converted the way the SDK does it. */
export function sdkUuidOf(text: string): InstanceType<typeof sdkUuid.Uuid> {
    const uuid = new sdkUuid.Uuid();
    uuid.setValue(new Uint8Array(Guid.parse(text).bytes));
    return uuid;
}

/** The GUID text of an SDK Uuid, converted the way the SDK does it. */
export function guidOfSdkUuid(uuid: InstanceType<typeof sdkUuid.Uuid> | undefined): string {
    return uuid === undefined ? Guid.empty.toString() : new Guid(uuid.getValue_asU8()).toString();
}

/** An SDK execution context with a version, an environment and two claims. */
export function sdkExecutionContext(): InstanceType<typeof sdkExecution.ExecutionContext> {
    const version = new sdkVersioning.Version().setMajor(17).setMinor(0).setPatch(1).setBuild(42).setPrereleasestring('beta.3');
    const claims = [['name', 'Ada', 'string'], ['role', 'cook', 'string']].map(([key, value, valueType]) =>
        new sdkSecurity.Claim().setKey(key!).setValue(value!).setValuetype(valueType!));
    return new sdkExecution.ExecutionContext()
        .setMicroserviceid(sdkUuidOf(ids.microservice))
        .setTenantid(sdkUuidOf(ids.tenant))
        .setVersion(version)
        .setCorrelationid(sdkUuidOf(ids.correlation))
        .setClaimsList(claims)
        .setEnvironment('Development');
}

/** An SDK artifact for the test event type. */
export function sdkEventType(generation = 1): InstanceType<typeof sdkArtifacts.Artifact> {
    return new sdkArtifacts.Artifact().setId(sdkUuidOf(ids.eventType)).setGeneration(generation);
}

/** An SDK timestamp at the given milliseconds since the epoch. */
export function sdkTimestampAt(milliseconds: number): InstanceType<typeof sdkTimestamp.Timestamp> {
    const timestamp = new sdkTimestamp.Timestamp();
    timestamp.fromDate(new Date(milliseconds));
    return timestamp;
}

/** An SDK committed event with every field set. */
export function sdkCommittedEvent(): InstanceType<typeof sdkCommitted.CommittedEvent> {
    return new sdkCommitted.CommittedEvent()
        .setEventlogsequencenumber(4_294_967_301)
        .setOccurred(sdkTimestampAt(1_700_000_000_123))
        .setEventsourceid(sdkUuidOf(ids.eventSource))
        .setExecutioncontext(sdkExecutionContext())
        .setType(sdkEventType(2))
        .setPublic(true)
        .setContent('{"dish":"Bean Blaster Taco","chef":"Mr. Taco"}')
        .setExternal(true)
        .setExternaleventlogsequencenumber(7)
        .setExternaleventreceived(sdkTimestampAt(1_700_000_001_456));
}
