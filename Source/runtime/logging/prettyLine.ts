const levelNames: Readonly<Record<number, string>> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const ownKeys = new Set(['level', 'time', 'category', 'msg', 'pid', 'hostname']);

/** Renders one JSON log line as a readable line for development. */
export function prettyLine(jsonLine: string): string {
    const entry = JSON.parse(jsonLine) as Record<string, unknown>;
    const time = new Date(Number(entry['time'])).toISOString().slice(11, 23);
    const level = levelNames[Number(entry['level'])] ?? String(entry['level']);
    const data = Object.entries(entry)
        .filter(([key]) => !ownKeys.has(key))
        .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(' ');
    return `${time} ${level} [${String(entry['category'])}] ${String(entry['msg'])}${data ? ` ${data}` : ''}\n`;
}
