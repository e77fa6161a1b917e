import type { RuntimeAddress } from './connection/RuntimeConnection.js';
import type { ReconnectPolicy } from './connection/ReconnectPolicy.js';
import type { Version } from './execution/Version.js';
import type { Logger } from './logging/Logger.js';
import type { MicroserviceId } from './execution/MicroserviceId.js';
import type { CommitGrouping } from './eventStore/CommitGroups.js';

/** Everything a client is built from, frozen by ClientBuilder.build(). */
export type ClientOptions = {
    readonly microserviceId: MicroserviceId;
    readonly runtime: RuntimeAddress;
    readonly version: Version;
    readonly environment: string;
    readonly logger: Logger;
    readonly pingIntervalMilliseconds: number;
    readonly reconnectPolicy: ReconnectPolicy;
    readonly commitGrouping: CommitGrouping;
};
