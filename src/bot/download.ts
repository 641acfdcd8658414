/** Downloading a file a user sent (Telegram's file server), with a size and a time limit. */
export async function download(
  url: string,
  maxBytes: number,
  timeoutMs: number,
): Promise<Uint8Array | "too large" | "timed out"> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
    if (Number(response.headers.get("content-length") ?? 0) > maxBytes) {
      await response.body?.cancel();
      return "too large";
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
      size += chunk.length;
      if (size > maxBytes) return "too large"; // leaving the loop cancels the download
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } catch (e) {
    if (signal.aborted) return "timed out";
    throw e;
  }
}
