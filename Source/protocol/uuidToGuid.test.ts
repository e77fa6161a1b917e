import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { GuidTextIsMalformed } from './GuidTextIsMalformed.js';
import { guidToUuid } from './guidToUuid.js';
import { UuidIsMalformed } from './UuidIsMalformed.js';
import { emptyGuidText, uuidToGuid } from './uuidToGuid.js';

type RudimentsModule = typeof import('@dolittle/rudiments');
const { Guid } = createRequire(import.meta.url)('@dolittle/rudiments') as RudimentsModule;

const documentedText = '00112233-4455-6677-8899-aabbccddeeff';
const documentedWireBytes = Buffer.from('33221100554477668899aabbccddeeff', 'hex');

describe('when converting between GUID text and wire Uuids', () => {
    describe('and the GUID is the documented example', () => {
        it('puts the bytes on the wire in .NET Guid.ToByteArray() order', () => {
            expect(Buffer.from(guidToUuid(documentedText).value)).toEqual(documentedWireBytes);
        });

        it('reads the wire bytes back as the documented text', () => {
            expect(uuidToGuid({ value: documentedWireBytes })).toBe(documentedText);
        });
    });

    describe('and the text is in upper case', () => {
        it('reads back lower case text', () => {
            expect(uuidToGuid(guidToUuid(documentedText.toUpperCase()))).toBe(documentedText);
        });
    });

    describe('and the GUIDs are random', () => {
        it('round trips every one of them', () => {
            const guids = Array.from({ length: 1000 }, () => randomUUID());
            expect(guids.map((guid) => uuidToGuid(guidToUuid(guid)))).toEqual(guids);
        });

        it('agrees with the SDK on the wire bytes', () => {
            const guids = Array.from({ length: 100 }, () => randomUUID());
            expect(guids.map((guid) => Buffer.from(guidToUuid(guid).value).toString('hex')))
                .toEqual(guids.map((guid) => Buffer.from(Guid.parse(guid).bytes).toString('hex')));
        });
    });

    describe('and the Uuid is missing', () => {
        it('reads the empty GUID', () => {
            expect([uuidToGuid(undefined), uuidToGuid(null)]).toEqual([emptyGuidText, emptyGuidText]);
        });
    });

    describe('and the Uuid does not hold 16 bytes', () => {
        it.each([0, 15, 17])('throws UuidIsMalformed naming the length %i', (length) => {
            const read = () => uuidToGuid({ value: new Uint8Array(length) });
            expect(read).toThrow(UuidIsMalformed);
            expect(read).toThrow(`holds ${length} bytes`);
        });
    });

    describe('and the text is not a GUID', () => {
        it.each([
            '',
            '00112233-4455-6677-8899-aabbccddeef',
            '00112233-4455-6677-8899-aabbccddeeffa',
            '00112233x4455-6677-8899-aabbccddeeff',
            '00112233-4455-6677-8899-aabbccddeegg',
            '0011223€-4455-6677-8899-aabbccddeeff',
        ])('throws GuidTextIsMalformed for %j', (text) => {
            expect(() => guidToUuid(text)).toThrow(GuidTextIsMalformed);
        });
    });
});
