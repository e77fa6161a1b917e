import { boundedContextFile } from './files/boundedContextFile.js';
import { endpointsFile } from './files/endpointsFile.js';
import { eventHorizonConsentsFile } from './files/eventHorizonConsentsFile.js';
import { metricsFile } from './files/metricsFile.js';
import { microservicesFile } from './files/microservicesFile.js';
import { resourcesFile } from './files/resourcesFile.js';
import { tenantsFile } from './files/tenantsFile.js';

/** Every configuration file the Runtime reads, in the order they are reported. */
export const configurationFiles = [
    tenantsFile,
    resourcesFile,
    endpointsFile,
    eventHorizonConsentsFile,
    microservicesFile,
    metricsFile,
    boundedContextFile,
] as const;
