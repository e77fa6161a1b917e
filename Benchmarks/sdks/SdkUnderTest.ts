/** What the SDK benchmark needs of an SDK: commit an event, run an unpartitioned event handler, disconnect. */
export type SdkUnderTest = {
    /** Commits one event of the type (plain JSON content) for an event source. */
    commit(eventSourceId: string, content: object): Promise<void>;
    /** Registers an unpartitioned event handler of the type; `handled` gets each event's sequence number. */
    handle(eventHandlerId: string, handled: (sequenceNumber: number) => void): void;
    disconnect(): Promise<void>;
};
