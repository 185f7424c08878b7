/** Bytes of one weights file at an offset: a local file or a ranged Hub request. Fewer at the end of the file. */
export type ReadAt = (offset: number, length: number) => Promise<Buffer>;

/** What a header reader returns: the metadata it found, or why the header is unreadable. */
export interface HeaderRead {
  metadata: Record<string, string>;
  license: string | null;
  baseModels: string[];
  name: string | null;
  problem: string | null;
}

export function unreadableHeader(problem: string): HeaderRead {
  return { metadata: {}, license: null, baseModels: [], name: null, problem };
}
