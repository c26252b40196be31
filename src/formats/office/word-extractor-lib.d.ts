/** The two modules of word-extractor 1.0 that read-word97.ts uses beyond its published types. */
declare module 'word-extractor/lib/buffer-reader.js' {
  export default class BufferReader {
    constructor(buffer: Buffer);
  }
}

declare module 'word-extractor/lib/word-ole-extractor.js' {
  import type WordExtractor from 'word-extractor';
  import type BufferReader from 'word-extractor/lib/buffer-reader.js';

  export default class WordOleExtractor {
    protected _pieces: { startFilePos: number; size: number; bpc: number; text: string }[];
    extract(
      reader: BufferReader,
    ): Promise<WordExtractor.Document & { getBody(options?: { filterUnicode?: boolean }): string }>;
    extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown>;
    documentStream(document: unknown, name: string): Promise<NodeJS.ReadableStream | null>;
    streamBuffer(stream: NodeJS.ReadableStream): Promise<Buffer>;
    writeParagraphProperties(buffer: Buffer, table: Buffer): void;
  }
}
