/** Numbers as the report prints them: rates with thousands separators, times in milliseconds, ratios with ×. */
export const formatting = Object.freeze({
    rate: (value: number, unit: string) => `${Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—'} ${unit}`,
    milliseconds: (value: number) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(2) : value.toFixed(1)) : '—'),
    latency: (p50: number, p99: number) => `p50 ${formatting.milliseconds(p50)} / p99 ${formatting.milliseconds(p99)} ms`,
    ratio: (measured: number, baseline: number) => (baseline > 0 && Number.isFinite(measured) ? `${(measured / baseline).toFixed(2)}×` : '—'),
});
