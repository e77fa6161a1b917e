import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A certificate authority and a producer certificate signed by it, made for one test run and deleted after it. */
export type TestCertificates = {
    /** The PEM file of the authority a consumer trusts. */
    readonly certificateAuthority: string;
    /** The producer's certificate chain and key, PEM files. */
    readonly certificate: string;
    readonly key: string;
    remove(): void;
};

/**
 * Makes a throw-away certificate authority and a certificate for the producer, issued to `producer-runtime` and the
 * given IP addresses, with openssl, in a fresh temporary folder. No key is kept beyond the test.
 */
export function makeTestCertificates(addresses: ReadonlyArray<string>): TestCertificates {
    const folder = mkdtempSync(join(tmpdir(), 'event-horizon-tls-'));
    const file = (name: string) => join(folder, name);
    const openssl = (...argumentList: string[]) => execFileSync('openssl', argumentList, { stdio: ['ignore', 'pipe', 'pipe'] });
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '1', '-subj', '/CN=Event Horizon test authority');
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('producer.key'), '-out', file('producer.csr'), '-subj', '/CN=producer-runtime');
    writeFileSync(file('extensions'), `subjectAltName=DNS:producer-runtime${addresses.map((address) => `,IP:${address}`).join('')}\n`);
    openssl('x509', '-req', '-in', file('producer.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('producer.pem'), '-days', '1', '-extfile', file('extensions'));
    return {
        certificateAuthority: file('ca.pem'),
        certificate: file('producer.pem'),
        key: file('producer.key'),
        remove: () => rmSync(folder, { recursive: true, force: true }),
    };
}
