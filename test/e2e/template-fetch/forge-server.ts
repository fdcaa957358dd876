import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

export interface ForgeServerOptions {
  /** Holds bare repositories: `github/acme/starter.git`, `private/team.git`, ... */
  readonly root: string;
  readonly env: Record<string, string>;
  /** The token paths under a private prefix need. */
  readonly token: string;
  /** Path prefixes (`/github/acme/private`) that answer 401 without the token, 403 with a wrong one. */
  readonly privatePrefixes: readonly string[];
}

export interface ForgeServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** Every request's method, path and headers, in order. */
  readonly requests: { readonly path: string; readonly headers: IncomingMessage["headers"] }[];
  /** While set, archive downloads answer 429 as GitHub does when its limit is used up. */
  rateLimited: boolean;
  /** While set, archive downloads answer 404 (as GitHub's archive route does for a private repository). */
  archivesMissing: boolean;
  /** While set, a git fetch (not a ref listing) gets no answer at all: a server that hangs. */
  hangFetch: boolean;
  /** While set, archive downloads are redirected (302) to the same path on this origin. */
  redirectArchivesTo: string | undefined;
  readonly stop: () => Promise<void>;
}

function presentedToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization ?? "";
  if (header.startsWith("Bearer ")) return header.slice(7);
  if (header.startsWith("Basic "))
    return Buffer.from(header.slice(6), "base64").toString().split(":").slice(1).join(":");
  return undefined;
}

const ARCHIVE_ROUTES: readonly RegExp[] = [
  /^\/(github)\/([^/]+)\/([^/]+)\/archive\/([0-9a-f]+)\.tar\.gz$/,
  /^\/(gitlab)\/([^/]+)\/([^/]+)\/-\/archive\/([0-9a-f]+)\/[^/]+\.tar\.gz$/,
  /^\/(bitbucket)\/([^/]+)\/([^/]+)\/get\/([0-9a-f]+)\.tar\.gz$/,
];

function serveArchive(
  options: ForgeServerOptions,
  match: RegExpExecArray,
  response: ServerResponse,
): void {
  const [, site = "", owner = "", repo = "", commit = ""] = match;
  const bare = join(options.root, site, owner, `${repo}.git`);
  const child = spawn(
    "git",
    ["archive", "--format=tar.gz", `--prefix=${repo}-${commit}/`, commit],
    { cwd: bare, env: options.env },
  );
  const chunks: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.on("close", (code) => {
    if (code === 0) {
      response.writeHead(200, { "content-type": "application/x-gzip" }).end(Buffer.concat(chunks));
    } else {
      response.writeHead(404).end("Not Found");
    }
  });
}

/** Runs `git http-backend` as CGI for one request: request body in, CGI headers parsed, body out. */
function serveGit(
  options: ForgeServerOptions,
  request: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
  url: URL,
): void {
  const env: Record<string, string> = {
    ...options.env,
    GIT_PROJECT_ROOT: options.root,
    GIT_HTTP_EXPORT_ALL: "1",
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    REQUEST_METHOD: request.method ?? "GET",
    CONTENT_TYPE: request.headers["content-type"] ?? "",
    REMOTE_ADDR: "127.0.0.1",
    GIT_PROTOCOL: String(request.headers["git-protocol"] ?? ""),
  };
  // The body arrives here already gunzipped, so no HTTP_CONTENT_ENCODING.
  env["CONTENT_LENGTH"] = String(body.length);
  const child = spawn("git", ["http-backend"], { env });
  // http-backend may answer (404) and exit before reading the body: that is not a failure here.
  child.stdin.on("error", (error: Error) => {
    if (!("code" in error) || error.code !== "EPIPE") throw error;
  });
  child.stdin.end(body);
  let buffered = Buffer.alloc(0);
  let headersDone = false;
  child.stdout.on("data", (chunk: Buffer) => {
    if (headersDone) {
      response.write(chunk);
      return;
    }
    buffered = Buffer.concat([buffered, chunk]);
    const end = buffered.indexOf("\r\n\r\n");
    if (end === -1) return;
    headersDone = true;
    let status = 200;
    for (const line of buffered.subarray(0, end).toString().split("\r\n")) {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === "status") status = Number.parseInt(value, 10);
      else response.setHeader(name, value);
    }
    response.statusCode = status;
    response.write(buffered.subarray(end + 4));
  });
  child.on("close", () => {
    response.end();
  });
}

/** A loopback stand-in for a forge: smart HTTP through git http-backend, archives through git archive. */
export function startForgeServer(options: ForgeServerOptions): Promise<ForgeServer> {
  const requests: ForgeServer["requests"] = [];
  const state: {
    rateLimited: boolean;
    archivesMissing: boolean;
    hangFetch: boolean;
    redirectArchivesTo: string | undefined;
  } = {
    rateLimited: false,
    archivesMissing: false,
    hangFetch: false,
    redirectArchivesTo: undefined,
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    requests.push({ path: url.pathname, headers: request.headers });
    if (options.privatePrefixes.some((prefix) => url.pathname.startsWith(prefix))) {
      const token = presentedToken(request);
      if (token === undefined) {
        response.writeHead(401, { "www-authenticate": 'Basic realm="forge"' }).end("Unauthorized");
        return;
      }
      if (token !== options.token) {
        response.writeHead(403).end("Forbidden");
        return;
      }
    }
    for (const route of ARCHIVE_ROUTES) {
      const match = route.exec(url.pathname);
      if (match === null) continue;
      if (state.rateLimited) {
        response
          .writeHead(429, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1893456000" })
          .end("API rate limit exceeded");
      } else if (state.redirectArchivesTo !== undefined) {
        response.writeHead(302, { location: `${state.redirectArchivesTo}${url.pathname}` }).end();
      } else if (state.archivesMissing) {
        response.writeHead(404).end("Not Found");
      } else {
        serveArchive(options, match, response);
      }
      return;
    }
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks);
      const body = request.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
      if (state.hangFetch && body.includes("command=fetch")) return;
      serveGit(options, request, body, response, url);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      const forge: ForgeServer = {
        url: `http://127.0.0.1:${String(port)}`,
        requests,
        get rateLimited() {
          return state.rateLimited;
        },
        set rateLimited(value: boolean) {
          state.rateLimited = value;
        },
        get redirectArchivesTo() {
          return state.redirectArchivesTo;
        },
        set redirectArchivesTo(value: string | undefined) {
          state.redirectArchivesTo = value;
        },
        get hangFetch() {
          return state.hangFetch;
        },
        set hangFetch(value: boolean) {
          state.hangFetch = value;
        },
        get archivesMissing() {
          return state.archivesMissing;
        },
        set archivesMissing(value: boolean) {
          state.archivesMissing = value;
        },
        stop: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => {
              done();
            });
          }),
      };
      resolve(forge);
    });
  });
}
