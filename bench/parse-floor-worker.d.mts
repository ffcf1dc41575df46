/** Reads, parses and walks one file, as the parse floor does. */
export function parseAndWalk(file: string): void;
