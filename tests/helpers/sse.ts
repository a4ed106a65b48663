/** Reads an SSE stream until an event named `type` arrives or `ms` pass; returns its data or null. */
export async function nextEvent(stream: ReadableStreamDefaultReader<Uint8Array>, type: string, ms: number): Promise<Record<string, unknown> | null> {
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const chunk = await Promise.race([stream.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now()))]);
    if (!chunk || chunk.done) break;
    buffer += decoder.decode(chunk.value);
    const match = new RegExp(`event: ${type}\\ndata: (.*)\\n`).exec(buffer);
    if (match) return JSON.parse(match[1]) as Record<string, unknown>;
  }
  return null;
}
