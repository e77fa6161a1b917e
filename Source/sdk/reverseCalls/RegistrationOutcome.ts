/** What became of one registration of a processor with the Runtime, as the application can observe it. */
export type RegistrationOutcome = {
    /** 'event handler', 'filter', …. */
    readonly kind: string;
    /** The processor's id. */
    readonly id: string;
    /** Whether the Runtime accepted it. */
    readonly registered: boolean;
    /** Why not, when it was refused or the call failed. */
    readonly reason?: string;
    /** The number of this connection of the processor (1 for the first, more after reconnects). */
    readonly connection: number;
};

/** Called with every registration outcome of every processor of a client. */
export type RegistrationListener = (outcome: RegistrationOutcome) => void;
