/** Polls a condition every few milliseconds until it holds, and fails naming what was awaited when the deadline passes. */
export async function waitUntil(
    condition: () => boolean | Promise<boolean>,
    description: string,
    timeoutMilliseconds = 20_000,
): Promise<void> {
    const deadline = Date.now() + timeoutMilliseconds;
    for (;;) {
        if (await condition()) {
            return;
        }
        if (Date.now() > deadline) {
            throw new Error(`Waited ${timeoutMilliseconds} ms until ${description}, but it never happened`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}
