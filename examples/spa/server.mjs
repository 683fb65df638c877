// Serves the built app (dist/) and a small protected API. The API accepts only access tokens that
// Foyer issued for this app: signature against the flow's published keys, issuer, audience (the
// app's client id), type (at+jwt) and expiry, all checked by jose.
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { createRemoteJWKSet, customFetch, jwtVerify } from "jose";

const here = fileURLToPath(new URL(".", import.meta.url));
const dataDir = process.env.FOYER_DATA_DIR ?? join(here, "../../data");
const port = Number(process.env.PORT ?? 5173);
// MSAL lower-cases the authority; so do we (Foyer answers any casing, but redirects discovery).
const authority = (process.env.FOYER_AUTHORITY ?? "https://localhost:8443/contoso/B2C_1_susi").toLowerCase();
const clientId = process.env.CLIENT_ID ?? demoClientId();
// Foyer's development HTTPS certificate is signed by a CA of its own, in its data directory.
const caFile = process.env.FOYER_CA_FILE ?? join(dataDir, "tls/foyer-dev-ca.crt");
const ca = existsSync(caFile) ? readFileSync(caFile) : undefined;

function demoClientId() {
  const file = join(dataDir, "demo-clients.properties");
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: start Foyer first (./mvnw spring-boot:run), or set CLIENT_ID`);
  }
  const line = readFileSync(file, "utf8").split("\n").find((l) => l.startsWith("contoso.rewards.client-id="));
  return line.split("=")[1].trim();
}

/** fetch() with Foyer's development CA trusted. */
function fetchTrustingFoyer(url, { method = "GET", headers, signal } = {}) {
  return new Promise((resolve, reject) => {
    const send = String(url).startsWith("https:") ? httpsRequest : httpRequest;
    const request = send(url, { method, headers: Object.fromEntries(new Headers(headers)), signal, ca }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode })));
      res.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

const discovery = await (await fetchTrustingFoyer(`${authority}/v2.0/.well-known/openid-configuration`)).json();
const keys = createRemoteJWKSet(new URL(discovery.jwks_uri), { [customFetch]: fetchTrustingFoyer });

async function rewards(req, res) {
  const [scheme, token] = (req.headers.authorization ?? "").split(" ");
  if (scheme !== "Bearer" || !token) {
    return json(res, 401, { error: "invalid_token", error_description: "A bearer token is required." });
  }
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: discovery.issuer,
      audience: clientId,
      algorithms: ["RS256"],
      typ: "at+jwt", // an access token, not an ID token (which has the same issuer and audience)
    });
    return json(res, 200, {
      points: 1280,
      token: { iss: payload.iss, aud: payload.aud, sub: payload.sub, tfp: payload.tfp, scp: payload.scp,
        amr: payload.amr, name: payload.name },
    });
  } catch (e) {
    return json(res, 401, { error: "invalid_token", error_description: e.code ?? "The token is not valid." });
  }
}

function json(res, status, body) {
  const headers = { "Content-Type": "application/json", "Cache-Control": "no-store" };
  if (status === 401) {
    headers["WWW-Authenticate"] = `Bearer error="invalid_token"`;
  }
  res.writeHead(status, headers).end(JSON.stringify(body));
}

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".svg": "image/svg+xml", ".json": "application/json", ".map": "application/json" };
const dist = join(here, "dist");

async function asset(req, res) {
  const path = new URL(req.url, "http://localhost").pathname;
  const file = normalize(join(dist, path === "/" ? "index.html" : path));
  if (!file.startsWith(dist)) {
    return res.writeHead(404).end();
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
  }
}

createServer((req, res) => {
  const path = new URL(req.url, "http://localhost").pathname;
  if (path === "/config.json") {
    return json(res, 200, { clientId, authority: process.env.FOYER_AUTHORITY ?? "https://localhost:8443/contoso/B2C_1_susi",
      knownAuthorities: [new URL(authority).host] });
  }
  if (path === "/api/rewards") {
    return rewards(req, res);
  }
  return asset(req, res);
}).listen(port, "127.0.0.1", () => {
  console.log(`Contoso Rewards on http://localhost:${port}/ (authority ${authority}, client ${clientId})`);
});
