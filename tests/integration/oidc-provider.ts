// A real OpenID Connect provider (the `oidc-provider` package) for the single sign-on tests, started on
// a free port. Only the person's own part is scripted: the test says who logs in next (or that they
// cancel), and the provider's login and consent prompts are answered for them. Everything else (the
// authorization code, PKCE, client authentication, signed ID tokens) is the provider's own work.
import crypto from "node:crypto";
import http from "node:http";
import Provider, { type ClientMetadata } from "oidc-provider";

export interface Person {
  email?: string;
  email_verified?: boolean;
  name?: string;
  organisatie?: string;
}

export interface TestProvider {
  issuer: string;
  /** Who logs in at the next login prompt, by subject; `null` cancels the login. */
  nextLogin: string | null;
  people: Record<string, Person>;
  close(): Promise<void>;
}

export async function startOidcProvider(options: {
  clients: ClientMetadata[];
  /** A free one when absent. */
  port?: number;
}): Promise<TestProvider> {
  // The issuer's address needs the port, so the server listens before the provider exists; until then
  // every request gets an immediate 503 instead of waiting for a handler that is not there yet.
  let handle: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const issuer = `http://127.0.0.1:${port}`;
  const signingKey = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;

  const state: TestProvider = {
    issuer,
    nextLogin: null,
    people: {},
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const provider = new Provider(issuer, {
    clients: options.clients,
    jwks: {
      keys: [{ ...signingKey.export({ format: "jwk" }), kid: "test-provider", alg: "RS256", use: "sig" }],
    },
    cookies: { keys: [crypto.randomBytes(32).toString("base64url")] },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
      organisatie: ["organisatie"],
    },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const person = state.people[sub];
      if (!person) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...person }) };
    },
  });
  provider.on("server_error", (_ctx, error) => console.error("oidc-provider:", error));
  const callback = provider.callback();

  handle = (req, res) => {
    if (!req.url?.startsWith("/interaction/")) {
      callback(req, res);
      return;
    }
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (state.nextLogin === null) {
        await provider.interactionFinished(req, res, {
          error: "access_denied",
          error_description: "the person cancelled",
        });
        return;
      }
      if (details.prompt.name === "login") {
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: state.nextLogin } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = new provider.Grant({
        accountId: String(details.session?.accountId),
        clientId: String(details.params.client_id),
      });
      grant.addOIDCScope(String(details.params.scope));
      const missing = (details.prompt.details as { missingOIDCClaims?: string[] }).missingOIDCClaims;
      if (missing) grant.addOIDCClaims(missing);
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    })().catch((error: unknown) => {
      console.error("test provider interaction failed:", error);
      res.statusCode = 500;
      res.end();
    });
  };
  return state;
}

/**
 * A browser as far as redirects and cookies go: follows redirects by hand, keeps cookies per host and
 * port, and can stop at an address (to hand the provider's answer to the app itself).
 */
export class CookieBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(new URL(origin).host)?.get(name);
  }

  setCookie(origin: string, name: string, value: string) {
    const host = new URL(origin).host;
    if (!this.jar.has(host)) this.jar.set(host, new Map());
    this.jar.get(host)?.set(name, value);
  }

  async open(
    url: string,
    init: RequestInit & { stopAt?: string } = {},
  ): Promise<{ response: Response; url: string; visited: string[] }> {
    let current = url;
    let request: RequestInit = init;
    const visited: string[] = [];
    for (let hop = 0; hop < 20; hop++) {
      visited.push(current);
      if (init.stopAt && current.startsWith(init.stopAt)) {
        return { response: new Response(null, { status: 204 }), url: current, visited };
      }
      const host = new URL(current).host;
      const cookies = [...(this.jar.get(host) ?? new Map()).entries()]
        .map(([k, v]) => `${k}=${v}`)
        .join("; ");
      const headers = new Headers(request.headers);
      if (cookies) headers.set("Cookie", cookies);
      const response = await fetch(current, { ...request, headers, redirect: "manual" });
      for (const line of response.headers.getSetCookie()) {
        const [pair = "", ...attributes] = line.split(";");
        const [name = "", ...value] = pair.split("=");
        const expired = attributes.some(
          (a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a),
        );
        if (expired) this.jar.get(host)?.delete(name.trim());
        else this.setCookie(current, name.trim(), value.join("="));
      }
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) {
        return { response, url: current, visited };
      }
      current = new URL(location, current).href;
      request = {};
    }
    throw new Error(`too many redirects from ${url}`);
  }
}
