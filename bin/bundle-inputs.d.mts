/** Types of bin/bundle-inputs.mjs for the TypeScript that imports it (src/app/pool/bundle.ts). */
export type BundleInputs = Record<string, [number, number]>;
export declare const inputsOf: (root: string, paths: Iterable<string>) => BundleInputs;
export declare const unchanged: (root: string, inputs: BundleInputs) => boolean;
