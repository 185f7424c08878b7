/** Bad usage or input (a flag, a model id, a policy, an output path): the CLI exits 2 with the message. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
