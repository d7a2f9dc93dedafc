// The OpenID Connect provider the browser tests log in with: a real `oidc-provider` on a fixed port,
// started by Playwright beside the app. One person works there; every login at it is theirs.
import { startOidcProvider } from "../integration/oidc-provider.ts";
import { SSO_CLIENT, SSO_PERSON } from "./sso.ts";

const provider = await startOidcProvider({ port: SSO_CLIENT.port, clients: [SSO_CLIENT.metadata] });
provider.people = { [SSO_PERSON.subject]: SSO_PERSON.claims };
provider.nextLogin = SSO_PERSON.subject;
console.log(`test OpenID Connect provider at ${provider.issuer}`);
