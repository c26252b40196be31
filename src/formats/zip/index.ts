/**
 * The zip guard shared by every zip-based reader: `openZipGuarded(bytes)` lists the entries and inflates
 * them within limits counted on the bytes that come out; `storedZip` repacks guarded entries for a
 * library that unzips by itself.
 */
export { type GuardedZip, inflateEntry, listZip, openZipGuarded, type ZipEntry } from './guard.ts';
export { ZIP_LIMITS, type ZipLimits, type ZipProblem, type ZipResult } from './limits.ts';
export { guardedRepack, storedZip } from './stored-zip.ts';
