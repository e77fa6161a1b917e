import { uuidToGuid } from '@dolittle-typescript/protocol';
import type { Guid } from '../guids/index.js';
import { cityHash128 } from './cityHash128.js';

/**
 * The event source id of an embedding key: the 128-bit CityHash of the key's UTF-16LE bytes, its low half then its
 * high half little-endian, read as a .NET `new Guid(bytes)`. This is the original Runtime's derivation
 * (ProjectionKeyToEventSourceIdConverter), checked against the vector of its specification and the known values of
 * System.Data.HashFunction's CityHash, so that embeddings keep
 * their aggregates when a tenant's events move between the two. The same key always gives the same id.
 */
export function eventSourceIdOfKey(key: string): Guid {
    const hash = cityHash128(Buffer.from(key, 'utf16le'));
    const bytes = Buffer.alloc(16);
    bytes.writeBigUInt64LE(hash.low, 0);
    bytes.writeBigUInt64LE(hash.high, 8);
    return uuidToGuid({ value: bytes }) as Guid;
}
