// autocannon ships no types; only the calls bench/run.ts makes.
declare module "autocannon" {
  type Result = { requests: { total: number }; throughput: { total: number }; errors: number; timeouts: number; non2xx: number };
  type Instance = PromiseLike<Result> & { on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
  export default function autocannon(options: { url: string; connections: number; duration: number; timeout?: number; headers?: Record<string, string> }): Instance;
}
