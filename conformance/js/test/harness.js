// Starts notion-emulator as a child process and reads its JSON readiness line.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../../..");

export function emulatorBinary() {
  return process.env.NOTION_EMULATOR_BIN ?? path.join(repo, "target/debug/notion-emulator");
}

/** Spawns the emulator on an ephemeral port; resolves with its readiness info and a stop(). */
export async function startEmulator() {
  const child = spawn(emulatorBinary(), ["serve", "--addr", "127.0.0.1:0", "--db", ":memory:"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("emulator did not become ready in 20 s")), 20000);
    child.once("exit", (code) => reject(new Error(`emulator exited early with code ${code}`)));
    lines.once("line", (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
  });
  if (ready.event !== "listening") throw new Error(`unexpected readiness line: ${JSON.stringify(ready)}`);
  return {
    ...ready,
    async admin(method, route, body) {
      const res = await fetch(`${ready.base_url}/_emulator/${route}`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return text ? JSON.parse(text) : null;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      return exited;
    },
  };
}
