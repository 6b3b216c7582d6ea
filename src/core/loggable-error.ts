// What an error may tell the log. A failed query's error carries the query's parameters
// (password hashes, token digests, emails) on the lines after its first, and a driver's error
// can quote the value it refused, so only these are kept: the error's name and code, the
// first line of the innermost message with any quoted value masked, and the stack's frames.
export type LoggableError = {
  type: string | undefined;
  code: unknown;
  message: string | undefined;
  stack: string | undefined;
};

export function loggableError(error: unknown): LoggableError {
  let inner: unknown = error;
  while (inner && typeof inner === "object" && "cause" in inner && (inner as { cause?: unknown }).cause) {
    inner = (inner as { cause: unknown }).cause;
  }
  const outer = error as { name?: string; code?: unknown } | null | undefined;
  const cause = inner as { name?: string; code?: unknown; message?: unknown } | null | undefined;
  return {
    type: typeof outer?.name === "string" ? outer.name : typeof error,
    code: cause?.code ?? outer?.code,
    message: typeof cause?.message === "string" ? firstLineMasked(cause.message) : undefined,
    stack: error instanceof Error ? stackFrames(error.stack) : undefined,
  };
}

/** PostgreSQL names the value it refused after a colon ("invalid input syntax for type uuid: \"…\""). */
function firstLineMasked(message: string): string {
  return message
    .split("\n")[0]!
    .replace(/: ".*"$/, ': "…"')
    .slice(0, 200);
}

/** "    at …" lines only: the message above them may span several lines, parameters included. */
function stackFrames(stack: string | undefined): string | undefined {
  const frames = stack?.split("\n").filter((line) => /^\s+at /.test(line));
  return frames?.length ? frames.slice(0, 5).join("\n") : undefined;
}
