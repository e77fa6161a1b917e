import type { dolittle } from '@dolittle-typescript/protocol';
import type { RuntimeConnection } from '../connection/RuntimeConnection.js';
import { failureFromWire, type Failure } from './CommitEventsResult.js';
import { commitMethod } from './commitRequest.js';

type WireUncommittedEvent = dolittle.runtime.events.UncommittedEvent.$Properties;
type WireCommittedEvent = dolittle.runtime.events.CommittedEvent.$Properties;

/** What one commit() call gets back: its own committed events (in wire form), or the failure of the Commit it went in. */
export type CommitOutcome = { readonly events: ReadonlyArray<WireCommittedEvent>; readonly failure?: Failure };

/** How an event store groups commits: how many Commit calls may be in flight, and how big a grouped call may get. */
export type CommitGrouping = { readonly callsInFlight: number; readonly eventsPerCall: number; readonly contentCharactersPerCall: number };

/** The default: four calls in flight; a grouped call carries at most 1,000 events and 1,000,000 characters of content. */
export const defaultCommitGrouping: CommitGrouping = Object.freeze({ callsInFlight: 4, eventsPerCall: 1_000, contentCharactersPerCall: 1_000_000 });

type Waiting = {
    readonly events: ReadonlyArray<WireUncommittedEvent>;
    readonly characters: number;
    readonly resolve: (outcome: CommitOutcome) => void;
    readonly reject: (error: unknown) => void;
};

/**
 * Group commit in the client, as the Runtime does it on the server: a commit is sent at once while fewer than
 * `callsInFlight` Commit calls are under way; the commits made meanwhile wait and go together in the next call, each
 * one's events kept together and in the order the commits were made. A Commit call is atomic, so commits that went
 * together are stored together or not at all: a failure answers each of them. This spends one gRPC call (its
 * headers, its HTTP/2 stream, its encoding) on many commits when a head commits from many places at once.
 */
export class CommitGroups {
    readonly #connection: RuntimeConnection;
    readonly #callContext: Buffer;
    readonly #grouping: CommitGrouping;
    readonly #waiting: Waiting[] = [];
    #inFlight = 0;

    /** Creates the groups of one event store (one tenant). */
    constructor(connection: RuntimeConnection, callContext: Buffer, grouping: CommitGrouping) {
        this.#connection = connection;
        this.#callContext = callContext;
        this.#grouping = grouping;
    }

    /** Commits the events of one commit() call, alone or together with others made meanwhile. */
    commit(events: ReadonlyArray<WireUncommittedEvent>): Promise<CommitOutcome> {
        return new Promise((resolve, reject) => {
            let characters = 0;
            for (const event of events) {
                characters += event.content?.length ?? 0;
            }
            this.#waiting.push({ events, characters, resolve, reject });
            this.#send();
        });
    }

    #send(): void {
        while (this.#inFlight < this.#grouping.callsInFlight && this.#waiting.length > 0) {
            const group = this.#nextGroup();
            this.#inFlight++;
            const events = group.length === 1 ? group[0]!.events : group.flatMap((waiting) => waiting.events);
            this.#connection.call(commitMethod, { callContext: this.#callContext, events }).then((response) => {
                const failure = failureFromWire(response.failure);
                let offset = 0;
                for (const waiting of group) {
                    const count = waiting.events.length;
                    waiting.resolve(failure === undefined ? { events: group.length === 1 ? response.events : response.events.slice(offset, offset + count) } : { events: [], failure });
                    offset += count;
                }
            }, (error: unknown) => {
                for (const waiting of group) {
                    waiting.reject(error);
                }
            }).finally(() => {
                this.#inFlight--;
                this.#send();
            });
        }
    }

    #nextGroup(): Waiting[] {
        const group: Waiting[] = [this.#waiting.shift()!];
        let events = group[0]!.events.length;
        let characters = group[0]!.characters;
        while (this.#waiting.length > 0) {
            const next = this.#waiting[0]!;
            if (events + next.events.length > this.#grouping.eventsPerCall || characters + next.characters > this.#grouping.contentCharactersPerCall) {
                break;
            }
            group.push(this.#waiting.shift()!);
            events += next.events.length;
            characters += next.characters;
        }
        return group;
    }
}
