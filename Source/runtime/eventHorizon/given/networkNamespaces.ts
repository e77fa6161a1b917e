import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

/** Two network namespaces joined by a veth pair, each also joined to the test's own namespace so the test reaches it. */
export type NamespacePair = {
    readonly kind: 'namespaces';
    /** The command to start a Runtime in the producer's namespace, and the address the test reaches it at. */
    readonly producer: { readonly launcher: ReadonlyArray<string>; readonly address: string };
    readonly consumer: { readonly launcher: ReadonlyArray<string>; readonly address: string };
    /** The producer's address on the link between the two namespaces: where the consumer reaches it. */
    readonly producerAddressForConsumer: string;
    /** Deletes the namespaces (and so their veth pairs). */
    remove(): void;
};

/** Why namespaces could not be made; the test then runs over loopback. */
export type NoNamespaces = { readonly kind: 'loopback'; readonly reason: string };

const ip = (...argumentList: string[]) => execFileSync('ip', argumentList, { stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * Makes two network namespaces (producer and consumer) joined by a veth pair, and a veth pair from each to the test's
 * namespace, so that the test reaches both Runtimes while their Event Horizon traffic crosses only the pair between them
 * (no forwarding is switched on anywhere). Needs root and `ip`; without them, says why.
 */
export function makeNamespacePair(): NamespacePair | NoNamespaces {
    const id = `${process.pid % 1000}${randomInt(100, 999)}`;
    const subnet = randomInt(1, 254);
    const names = { producer: `ehp${id}`, consumer: `ehc${id}` };
    const made: string[] = [];
    const remove = () => made.forEach((namespace) => {
        try {
            ip('netns', 'del', namespace);
        } catch {
            // Already gone.
        }
    });
    try {
        for (const namespace of [names.producer, names.consumer]) {
            ip('netns', 'add', namespace);
            made.push(namespace);
            ip('-n', namespace, 'link', 'set', 'lo', 'up');
        }
        const link = (a: { readonly namespace: string | undefined; readonly device: string; readonly address: string }, b: { readonly namespace: string; readonly device: string; readonly address: string }) => {
            ip('link', 'add', a.device, 'type', 'veth', 'peer', 'name', b.device);
            ip('link', 'set', b.device, 'netns', b.namespace);
            if (a.namespace !== undefined) {
                ip('link', 'set', a.device, 'netns', a.namespace);
            }
            for (const end of [a, b]) {
                const inNamespace = end.namespace === undefined ? [] : ['-n', end.namespace];
                ip(...inNamespace, 'addr', 'add', `${end.address}/24`, 'dev', end.device);
                ip(...inNamespace, 'link', 'set', end.device, 'up');
            }
        };
        link({ namespace: names.producer, device: `ehpc${id}`, address: `10.231.${subnet}.1` }, { namespace: names.consumer, device: `ehcp${id}`, address: `10.231.${subnet}.2` });
        link({ namespace: undefined, device: `ehtp${id}`, address: `10.232.${subnet}.2` }, { namespace: names.producer, device: `ehpt${id}`, address: `10.232.${subnet}.1` });
        link({ namespace: undefined, device: `ehtc${id}`, address: `10.233.${subnet}.2` }, { namespace: names.consumer, device: `ehct${id}`, address: `10.233.${subnet}.1` });
    } catch (error) {
        remove();
        const detail = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : String(error);
        return { kind: 'loopback', reason: `network namespaces could not be made (${detail || 'ip failed'}; they need root and iproute2)` };
    }
    return {
        kind: 'namespaces',
        producer: { launcher: ['ip', 'netns', 'exec', names.producer], address: `10.232.${subnet}.1` },
        consumer: { launcher: ['ip', 'netns', 'exec', names.consumer], address: `10.233.${subnet}.1` },
        producerAddressForConsumer: `10.231.${subnet}.1`,
        remove,
    };
}
