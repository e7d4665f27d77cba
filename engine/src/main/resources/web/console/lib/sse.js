// Server-sent events over fetch, so the Authorization header goes along (EventSource cannot send it). Reconnects
// with a growing pause until `signal` aborts.
import { authHeaders } from "./api.js";

export async function follow(path, { signal, onEvent, auth = true }) {
  let pause = 500;
  while (!signal.aborted) {
    try {
      const response = await fetch(path, { headers: auth ? authHeaders() : {}, signal });
      if (response.status !== 200) throw new Error("stream answered " + response.status);
      pause = 500;
      await read(response.body.getReader(), onEvent);
    } catch (e) {
      if (signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 10000);
  }
}

async function read(reader, onEvent) {
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) type = line.slice(7);
        else if (line.startsWith("data: ")) data.push(line.slice(6));
      }
      if (data.length) onEvent(type, JSON.parse(data.join("\n")));
    }
  }
}
