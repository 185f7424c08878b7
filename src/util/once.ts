/** A value built on first use and kept: for data that start-up should not pay for unless it is needed. */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | null = null;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}
