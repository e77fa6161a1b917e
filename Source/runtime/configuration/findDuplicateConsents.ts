import type { Guid } from '../guids/index.js';
import type { ConfigurationProblem } from './ConfigurationProblem.js';
import { JsonPointer } from './JsonPointer.js';
import type { ProducerConsents } from './files/eventHorizonConsentsFile.js';

/**
 * The consents of a producer tenant that match the same consumer microservice, consumer tenant, stream and partition
 * as an earlier one: a subscription could not tell which consent it is given (the original Runtime failed it as
 * "Other" at subscription time), so start-up refuses them.
 */
export function findDuplicateConsents(file: string, consents: ReadonlyMap<Guid, ProducerConsents> | undefined): ReadonlyArray<ConfigurationProblem> {
    const problems: ConfigurationProblem[] = [];
    for (const [producer, entry] of consents ?? []) {
        const seen = new Map<string, number>();
        entry.consents.forEach((consent, index) => {
            const key = `${consent.consumerMicroservice}/${consent.consumerTenant}/${consent.stream}/${consent.partition}`;
            const first = seen.get(key);
            if (first === undefined) {
                seen.set(key, index);
                return;
            }
            problems.push({
                file,
                pointer: JsonPointer.child(entry.pointer, String(index)),
                found: `a second consent of producer tenant ${producer} for consumer microservice ${consent.consumerMicroservice}, tenant ${consent.consumerTenant}, stream ${consent.stream} and partition ${consent.partition} (the first is entry ${first})`,
                expected: 'at most one consent per consumer microservice, consumer tenant, stream and partition',
            });
        });
    }
    return problems;
}
