/** The status a `GET http://127.0.0.1:<port><path>` answers, or undefined when nothing answers within a second. */
export async function httpStatus(port: number, path: string): Promise<number | undefined> {
    try {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(1_000) });
        await response.body?.cancel();
        return response.status;
    } catch {
        return undefined;
    }
}
