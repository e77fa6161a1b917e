import type { Guid } from '../guids/index.js';

/** A semantic version as the SDK sends it. */
export type Version = {
    readonly major: number;
    readonly minor: number;
    readonly patch: number;
    readonly build: number;
    readonly preRelease: string;
};

/** A claim of the caller. */
export type Claim = {
    readonly key: string;
    readonly value: string;
    readonly valueType: string;
};

/** The context a call runs in: who, for which tenant, which version; stored with every event as sent. */
export type ExecutionContext = {
    readonly microserviceId: Guid;
    readonly tenantId: Guid;
    readonly version: Version;
    readonly correlationId: Guid;
    readonly claims: ReadonlyArray<Claim>;
    readonly environment: string;
};

/** The version "not set": 0.0.0.0 with no pre-release. */
export const versionNotSet: Version = Object.freeze({ major: 0, minor: 0, patch: 0, build: 0, preRelease: '' });
