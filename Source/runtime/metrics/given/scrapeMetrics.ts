/** One sample of the Prometheus text format: a metric name, its labels and its value. */
export type MetricSample = { readonly name: string; readonly labels: Readonly<Record<string, string>>; readonly value: number };

/** Fetches `/metrics` and reads its samples (the comment lines are skipped). */
export async function scrapeMetrics(httpPort: number): Promise<ReadonlyArray<MetricSample>> {
    const response = await fetch(`http://127.0.0.1:${httpPort}/metrics`, { signal: AbortSignal.timeout(10_000) });
    if (response.status !== 200) {
        throw new Error(`GET /metrics answered ${response.status}: ${await response.text()}`);
    }
    return parseMetrics(await response.text());
}

/** Reads the samples of a Prometheus text exposition. */
export function parseMetrics(text: string): ReadonlyArray<MetricSample> {
    return text.split('\n').flatMap((line) => {
        const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
        if (match === null) {
            return [];
        }
        const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((label) => [label[1], label[2]]));
        return [{ name: match[1] ?? '', labels, value: Number(match[3]) }];
    });
}

/** The sum of the samples of a metric whose labels include the given ones (0 when there is none). */
export function valueOf(samples: ReadonlyArray<MetricSample>, name: string, labels: Readonly<Record<string, string>> = {}): number {
    return samples
        .filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
        .reduce((sum, sample) => sum + sample.value, 0);
}

/** Whether a metric has a sample with the given labels. */
export function hasSample(samples: ReadonlyArray<MetricSample>, name: string, labels: Readonly<Record<string, string>> = {}): boolean {
    return samples.some((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
}
