import { describe, expect, it } from 'vitest';
import { postgresServerIdentity } from './postgresServerIdentity.js';

describe('when identifying the database of a connection string', () => {
    it('uses host, port and database, ignoring user and password', () => {
        expect(postgresServerIdentity('postgres://user:pw@DB.example:5433/events?sslmode=require')).toBe('db.example:5433/events');
    });
    it('uses port 5432 when none is given', () => expect(postgresServerIdentity('postgresql://db/events')).toBe('db:5432/events'));
    it("uses the user's name as the database when none is given, as PostgreSQL does", () => {
        expect(postgresServerIdentity('postgres://runtime@db')).toBe('db:5432/runtime');
    });
    it('uses the host parameter for sockets', () => {
        expect(postgresServerIdentity('postgres:///events?host=/var/run/postgresql')).toBe('/var/run/postgresql:5432/events');
    });
});
