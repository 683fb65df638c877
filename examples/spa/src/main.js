// Contoso Rewards: an app written for Azure AD B2C with MSAL, signing in against Foyer.
// Only the host in the authority differs from a B2C configuration.
import { InteractionRequiredAuthError, PublicClientApplication } from "@azure/msal-browser";

const $ = (id) => document.getElementById(id);

async function main() {
  // The server hands out the client id and authority (see server.mjs), e.g.
  // { clientId: "…", authority: "https://localhost:8443/contoso/B2C_1_susi", knownAuthorities: ["localhost:8443"] }
  const config = await (await fetch("/config.json")).json();
  const apiScopes = [config.clientId]; // B2C's way to ask for an access token for the app itself

  const msal = new PublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: config.knownAuthorities,
      redirectUri: "/",
      postLogoutRedirectUri: "/",
    },
    cache: { cacheLocation: "sessionStorage" },
  });
  await msal.initialize();

  const result = await msal.handleRedirectPromise();
  if (result?.account) {
    msal.setActiveAccount(result.account);
  }
  const account = msal.getActiveAccount() ?? msal.getAllAccounts()[0];

  $("sign-in").onclick = () => msal.loginRedirect({ scopes: apiScopes });
  if (!account) {
    $("status").textContent = "You are signed out.";
    $("signed-out").hidden = false;
    return;
  }

  $("status").textContent = "You are signed in.";
  $("name").textContent = account.idTokenClaims?.name ?? account.username;
  $("tfp").textContent = account.idTokenClaims?.tfp ?? "";
  $("signed-in").hidden = false;
  $("sign-out").onclick = () => msal.logoutRedirect({ account });
  $("call-api").onclick = async () => {
    let token;
    try {
      token = await msal.acquireTokenSilent({ scopes: apiScopes, account });
    } catch (e) {
      if (e instanceof InteractionRequiredAuthError) {
        return msal.acquireTokenRedirect({ scopes: apiScopes, account });
      }
      throw e;
    }
    const response = await fetch("/api/rewards", {
      headers: { Authorization: `Bearer ${token.accessToken}` },
    });
    if (!response.ok) {
      throw new Error(`The API answered ${response.status}`);
    }
    const rewards = await response.json();
    $("points").textContent = rewards.points;
    $("api-token").textContent = JSON.stringify(rewards.token, null, 2);
    $("points-line").hidden = false;
  };
}

main().catch((e) => {
  $("error").textContent = `${e.name ?? "Error"}: ${e.message}`;
  $("error").hidden = false;
});
window.addEventListener("unhandledrejection", (event) => {
  $("error").textContent = String(event.reason?.message ?? event.reason);
  $("error").hidden = false;
});
