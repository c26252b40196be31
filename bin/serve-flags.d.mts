/** Types of bin/serve-flags.mjs for the TypeScript that imports it (bench/server.bench.ts). */
export declare const SERVE_NODE_FLAGS: readonly string[];
export declare const needsServeFlags: (argv?: readonly string[], execArgv?: readonly string[]) => boolean;
export declare const serveWithFlags: () => Promise<never>;
export declare const asServeChild: () => void;
