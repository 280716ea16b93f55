// Exhaustive switches: a case the code does not handle is a compile error (the argument is not
// `never`), and at run time an internal error, never a silently missing slide part.

export function assertNever(value: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
