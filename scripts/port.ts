import net from "node:net";
import { UserFacingError } from "../lib/errors";

export function parsePort(value: string | undefined, fallback = 3000): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserFacingError(`PORT must be a whole number from 1 to 65535, not "${value}".`);
  }
  return port;
}

/** Throws a one-line error when something already listens on `port`. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new UserFacingError(`Port ${port} is already in use: stop what is using it or choose another with PORT=…`)
          : new UserFacingError(`Cannot listen on port ${port}: ${error.message}`),
      );
    });
    probe.listen(port, () => probe.close(() => resolve()));
  });
}
