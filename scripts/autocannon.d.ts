/** The part of autocannon 9's API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  /** One request of the list autocannon cycles through; `setupRequest` may rewrite it (a fresh body) each time. */
  type Request = {
    method?: string; path?: string; headers?: Record<string, string>; body?: string;
    setupRequest?: (request: Request) => Request;
    /** `headers` are the answer's, named as the server sent them (NetGuard's in lower case). */
    onResponse?: (status: number, body: string, context?: Record<string, unknown>, headers?: Record<string, string>) => void;
  };
  type Options = { url: string; connections?: number; duration?: number; headers?: Record<string, string>; requests?: Request[] };
  type Result = { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; timeouts: number };
  export default function autocannon(options: Options): Promise<Result>;
}
