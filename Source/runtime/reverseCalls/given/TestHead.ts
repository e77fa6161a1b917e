// A head for the reverse-call tests: a real gRPC client of EventHandlers/Connect made from our service definition.
import { eventHandlersService, guidToUuid, millisecondsToDuration, serviceNameOf, type dolittle } from '@dolittle-typescript/protocol';
import * as grpc from '@grpc/grpc-js';

type Processing = typeof dolittle.runtime.events.processing;
type RuntimeMessage = InstanceType<Processing['EventHandlerRuntimeToClientMessage']>;
type ClientMessage = dolittle.runtime.events.processing.EventHandlerClientToRuntimeMessage.$Properties;

const EventHandlersClient = grpc.makeClientConstructor(eventHandlersService, serviceNameOf(eventHandlersService));

/** The execution context a head connects with. */
export const headExecutionContext: dolittle.execution.ExecutionContext.$Properties = {
    microserviceId: guidToUuid('f39b1f61-d360-4675-b859-53c05c87c0e6'),
    tenantId: guidToUuid('445f8ea8-1a6f-40d7-b2fc-796dba92dc44'),
    version: { major: 1 },
    correlationId: guidToUuid('868ff40f-a133-4d0f-bfdd-18d726181e01'),
    environment: 'Development',
};

/** A registration request with the given ping interval (or the given call context). */
export function registration(pingIntervalMilliseconds = 1_000, callContext?: dolittle.services.ReverseCallArgumentsContext.$Properties | null): ClientMessage {
    return {
        registrationRequest: {
            callContext: callContext === undefined
                ? { executionContext: headExecutionContext, headId: guidToUuid('d1b6a58c-7f3e-4b0a-9c2d-4e5f60718293'), pingInterval: millisecondsToDuration(pingIntervalMilliseconds) }
                : callContext,
            eventHandlerId: guidToUuid('6a7f4ab9-5c39-4d3c-8f8e-2d0b3a7c1e55'),
            types: [{ id: guidToUuid('aa4e1a9e-c481-4a2a-abe8-4799a6bbe3b7'), generation: 1 }],
        },
    };
}

/** One head connection: what it received, its final status, and how to answer. */
export class TestHead {
    readonly received: RuntimeMessage[] = [];
    #status: grpc.StatusObject | undefined;
    readonly #client: grpc.Client;
    readonly #stream: grpc.ClientDuplexStream<ClientMessage, RuntimeMessage>;
    #answersPings = false;

    /** Opens the stream to the server at the address. */
    constructor(address: string) {
        this.#client = new EventHandlersClient(address, grpc.credentials.createInsecure());
        const connect = (this.#client as unknown as Record<string, () => grpc.ClientDuplexStream<ClientMessage, RuntimeMessage>>)['connect']!;
        this.#stream = connect.call(this.#client);
        this.#stream.on('data', (message: RuntimeMessage) => {
            this.received.push(message);
            if (this.#answersPings && message.Message === 'ping') {
                this.write({ pong: {} });
            }
        });
        this.#stream.on('status', (status: grpc.StatusObject) => {
            this.#status = status;
        });
        this.#stream.on('error', () => undefined);
    }

    /** The status the call ended with, once it has. */
    get status(): grpc.StatusObject | undefined {
        return this.#status;
    }

    /** The pings received so far. */
    get pings(): number {
        return this.received.filter((message) => message.Message === 'ping').length;
    }

    /** The requests received so far. */
    get requests(): ReadonlyArray<dolittle.runtime.events.processing.HandleEventRequest.$Properties> {
        return this.received.flatMap((message) => (message.handleRequest ? [message.handleRequest] : []));
    }

    /** The connect responses received so far. */
    get connectResponses(): ReadonlyArray<dolittle.runtime.events.processing.EventHandlerRegistrationResponse.$Properties> {
        return this.received.flatMap((message) => (message.registrationResponse ? [message.registrationResponse] : []));
    }

    /** Answers every ping with a pong from now on, as the SDK does. */
    answerPings(): this {
        this.#answersPings = true;
        return this;
    }

    /** Stops answering pings (the head goes silent). */
    stopAnsweringPings(): void {
        this.#answersPings = false;
    }

    /** Writes a message to the Runtime. */
    write(message: ClientMessage): void {
        this.#stream.write(message);
    }

    /** Answers a request with a response naming its call id (as received) and a failure reason to tell answers apart. */
    answer(request: dolittle.runtime.events.processing.HandleEventRequest.$Properties, reason: string): void {
        this.write({ handleResult: { callContext: { callId: request.callContext?.callId }, failure: { reason } } });
    }

    /** Ends the head's side of the stream. */
    end(): void {
        this.#stream.end();
    }

    /** Cancels the call and closes the client. */
    close(): void {
        this.#stream.cancel();
        this.#client.close();
    }
}
