/**
 * What a reader may see of a row, as plain data, so that whoever reads can apply it: a thread (exports), the
 * database itself (the PostgreSQL provider's vector tiles) or the event loop. Only the `keep` properties, on every
 * row but those whose `owner` is `unlessOwner`. The rules choosing it live in `server/auth/access.ts`.
 */
export type Redaction = { keep: readonly string[]; unlessOwner?: string };

/** The `redact` function of a redaction: the same trimming wherever it runs (the event loop, a worker thread). */
export function redactWith(redaction: Redaction | null) {
  return <F extends { properties: Record<string, unknown> }>(feature: F): F => {
    if (!redaction || (redaction.unlessOwner !== undefined && feature.properties.owner === redaction.unlessOwner)) return feature;
    const properties = Object.fromEntries(redaction.keep.map((name) => [name, feature.properties[name] ?? null]));
    return { ...feature, properties };
  };
}
