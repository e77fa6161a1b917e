/** A tenant's eventStore entry in resources.json, in one of its three forms. */
export type EventStoreEntry =
    | {
          /** The original Runtime's MongoDB shape; mapped onto the backend chosen with --store. */
          readonly form: 'mongo';
          readonly database: string;
          readonly maxConnectionPoolSize: number;
      }
    | {
          readonly form: 'postgres';
          /** Absent means the --postgres server. */
          readonly connectionString: string | undefined;
          readonly schema: string;
          readonly maximumConnections: number;
      }
    | {
          readonly form: 'embedded';
          readonly database: string;
      };
