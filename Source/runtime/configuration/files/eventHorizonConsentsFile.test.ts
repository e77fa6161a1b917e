import { describe, expect, it } from 'vitest';
import { interpretForTests } from '../given/interpretForTests.js';
import { eventHorizonConsentsFile } from './eventHorizonConsentsFile.js';

const producerTenant = '445f8ea8-1a6f-40d7-b2fc-796dba92dc44';
const consent = {
    Microservice: 'A14BB24E-51F3-4D83-9EBA-44C4CFFE6BB9',
    tenant: '445f8ea8-1a6f-40d7-b2fc-796dba92dc44',
    stream: '2c087657-b318-40b1-ae92-a400de44e507',
    partition: '00000000-0000-0000-0000-000000000000',
    consent: 'ad57aa2b-e641-4251-b800-dd171e175d1f',
};

describe('when reading event-horizon-consents.json', () => {
    it('reads the consents of each producer tenant, ids lowercased', () => {
        const read = interpretForTests(eventHorizonConsentsFile, { [producerTenant]: [consent] });
        expect(read.value?.get(producerTenant as never)?.consents).toEqual([{
            consumerMicroservice: 'a14bb24e-51f3-4d83-9eba-44c4cffe6bb9',
            consumerTenant: consent.tenant,
            stream: consent.stream,
            partition: consent.partition,
            consent: consent.consent,
        }]);
    });
    it('reads {} as no consents', () => expect(interpretForTests(eventHorizonConsentsFile, {}).value?.size).toBe(0));
    it('reports a consent without its id', () => {
        const { consent: _, ...withoutId } = consent;
        expect(interpretForTests(eventHorizonConsentsFile, { [producerTenant]: [withoutId] }).problems)
            .toMatchObject([{ pointer: `/${producerTenant}/0/consent`, found: 'nothing' }]);
    });
    it('reports a stream that is not a GUID', () => {
        expect(interpretForTests(eventHorizonConsentsFile, { [producerTenant]: [{ ...consent, stream: 'orders' }] }).problems)
            .toMatchObject([{ pointer: `/${producerTenant}/0/stream`, found: '"orders"', expected: 'a GUID such as 445f8ea8-1a6f-40d7-b2fc-796dba92dc44' }]);
    });
    it('reports consents that are not a list', () => {
        expect(interpretForTests(eventHorizonConsentsFile, { [producerTenant]: consent }).problems).toMatchObject([{ pointer: `/${producerTenant}`, expected: 'an array' }]);
    });
});
