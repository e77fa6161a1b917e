import { request } from 'node:http';

/** What the Runtime's /metrics says about its memory, in megabytes (NaN for what it does not say). */
export type RuntimeHeap = {
    /** Live objects in the V8 heap (nodejs_heap_size_used_bytes). */
    readonly used: number;
    /** The V8 heap the process holds (nodejs_heap_size_total_bytes), live objects or not. */
    readonly total: number;
    /** Memory V8 tracks outside its heap, Buffers among it (nodejs_external_memory_bytes). */
    readonly external: number;
};

/**
 * The Runtime's memory as its /metrics reports it (prom-client's default metrics): beside the RSS it tells live
 * objects from heap the process merely keeps and from memory outside V8's view (native code: SQLite, allocators).
 */
export function runtimeHeapMegabytes(httpPort: number): Promise<RuntimeHeap> {
    return new Promise((resolve) => {
        const unknown = { used: Number.NaN, total: Number.NaN, external: Number.NaN };
        const call = request({ host: '127.0.0.1', port: httpPort, path: '/metrics', timeout: 5_000 }, (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => {
                text += chunk;
            });
            response.on('end', () => {
                const lines = text.split('\n');
                const megabytes = (name: string) => Number(lines.find((line) => line.startsWith(`${name} `))?.split(' ')[1] ?? Number.NaN) / (1024 * 1024);
                resolve({ used: megabytes('nodejs_heap_size_used_bytes'), total: megabytes('nodejs_heap_size_total_bytes'), external: megabytes('nodejs_external_memory_bytes') });
            });
        });
        call.on('error', () => resolve(unknown));
        call.on('timeout', () => call.destroy());
        call.end();
    });
}
