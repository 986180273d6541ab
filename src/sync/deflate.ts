/**
 * Compression of sync messages with the platform's own deflate. Records repeat
 * the circle id and their authors' keys, and the document repeats its map's
 * name: deflate takes a first sync to about 70 % of the records' size. The
 * receiving side stops inflating past a limit, so a small message cannot
 * unfold into gigabytes.
 */
async function drain(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  const writer = transform.writable.getWriter();
  // Errors surface on the readable side, where drain() reads them.
  // A copy on its own ArrayBuffer, as the streams' types require.
  writer.write(new Uint8Array(bytes)).catch(() => undefined);
  writer.close().catch(() => undefined);
  return transform.readable;
}

export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const result = await drain(through(bytes, new CompressionStream('deflate-raw')), Number.MAX_SAFE_INTEGER);
  return result!;
}

/** The inflated bytes, or null when they would exceed the limit or are not deflate data. */
export async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array | null> {
  try {
    return await drain(through(bytes, new DecompressionStream('deflate-raw')), limit);
  } catch {
    return null;
  }
}
