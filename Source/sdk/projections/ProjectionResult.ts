/** What a projection returns to delete the read model of the key (instead of a new state). */
export class DeleteReadModelInstance {
    /** Kept apart from read models by its class. */
    readonly deleteReadModelInstance = true;
}

/** The special answers of a projection: `return ProjectionResult.delete;` deletes the read model. */
export class ProjectionResult {
    /** Deletes the read model of the key. */
    static readonly delete = new DeleteReadModelInstance();
}
