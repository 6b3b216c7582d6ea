// How the operator commands print lists and times: plain aligned columns that read in a
// terminal and survive copying into a ticket.

/** Columns padded to their widest cell; the last one is not padded, so long text just runs on. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}

/** UTC to the minute: the same on every operator's machine. */
export const timestamp = (at: Date): string => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
