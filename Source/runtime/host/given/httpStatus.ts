/** The status a `GET http://<address>:<port><path>` answers (127.0.0.1 unless told), or undefined when nothing answers within a second. */
export async function httpStatus(port: number, path: string, address = '127.0.0.1'): Promise<number | undefined> {
    try {
        const response = await fetch(`http://${address}:${port}${path}`, { signal: AbortSignal.timeout(1_000) });
        await response.body?.cancel();
        return response.status;
    } catch {
        return undefined;
    }
}
