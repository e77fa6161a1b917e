/** The status details of a refused or rejected reverse call: the documented failure id and the reason. */
export function failureDetails(failureId: string, reason: string): string {
    return `Failure ${failureId}: ${reason}`;
}
