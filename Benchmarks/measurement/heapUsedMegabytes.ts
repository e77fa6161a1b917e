import { request } from 'node:http';

/**
 * The V8 heap in use by the Runtime as its /metrics reports it (prom-client's nodejs_heap_size_used_bytes), in
 * megabytes: beside the RSS it tells live objects from memory the process merely keeps. NaN when it cannot be read.
 */
export function heapUsedMegabytes(httpPort: number): Promise<number> {
    return new Promise((resolve) => {
        const call = request({ host: '127.0.0.1', port: httpPort, path: '/metrics', timeout: 5_000 }, (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => {
                text += chunk;
            });
            response.on('end', () => {
                const line = text.split('\n').find((entry) => entry.startsWith('nodejs_heap_size_used_bytes'));
                resolve(Number(line?.split(' ')[1] ?? Number.NaN) / (1024 * 1024));
            });
        });
        call.on('error', () => resolve(Number.NaN));
        call.on('timeout', () => call.destroy());
        call.end();
    });
}
