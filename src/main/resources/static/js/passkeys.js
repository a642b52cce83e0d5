// Passkeys (WebAuthn) for the second sign-in step and the factors page. Talks to Spring Security's WebAuthn
// endpoints; adapted from its own spring-security-webauthn.js (Apache-2.0), which we cannot serve as is
// because its registration page uses inline script. Loaded only by the pages that offer passkeys (mfa/code,
// account/factors), and only where they do; does nothing without the passkey elements.
(function () {
  "use strict";

  function encode(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = "";
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return window.btoa(text).replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
  }

  function decode(base64url) {
    var text = window.atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function post(url, body) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    return fetch(url, {
      method: "POST",
      headers: headers,
      credentials: "same-origin",
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    });
  }

  function describe(error) {
    return error && error.name === "NotAllowedError" ? "cancelled" : String(error && error.message);
  }

  function register(label) {
    return post("/webauthn/register/options").then(function (options) {
      options.user.id = decode(options.user.id);
      options.challenge = decode(options.challenge);
      options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: decode(c.id) });
      });
      return navigator.credentials.create({ publicKey: options });
    }).then(function (created) {
      var response = created.response;
      return post("/webauthn/register", {
        publicKey: {
          label: label,
          credential: {
            id: created.id,
            rawId: encode(created.rawId),
            type: created.type,
            authenticatorAttachment: created.authenticatorAttachment,
            clientExtensionResults: created.getClientExtensionResults(),
            response: {
              attestationObject: encode(response.attestationObject),
              clientDataJSON: encode(response.clientDataJSON),
              transports: response.getTransports ? response.getTransports() : []
            }
          }
        }
      });
    });
  }

  function authenticate() {
    return post("/webauthn/authenticate/options").then(function (options) {
      options.challenge = decode(options.challenge);
      options.allowCredentials = (options.allowCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: decode(c.id) });
      });
      return navigator.credentials.get({ publicKey: options });
    }).then(function (assertion) {
      var response = assertion.response;
      return post("/login/webauthn", {
        id: assertion.id,
        rawId: encode(assertion.rawId),
        credType: assertion.type,
        authenticatorAttachment: assertion.authenticatorAttachment,
        clientExtensionResults: assertion.getClientExtensionResults(),
        response: {
          authenticatorData: encode(response.authenticatorData),
          clientDataJSON: encode(response.clientDataJSON),
          signature: encode(response.signature),
          userHandle: response.userHandle ? encode(response.userHandle) : undefined
        }
      });
    });
  }

  function wire(container, button, action) {
    var status = document.getElementById("passkey-status");
    if (!window.PublicKeyCredential) {
      status.textContent = container.dataset.unsupported;
      button.disabled = true;
      return;
    }
    button.addEventListener("click", function () {
      button.disabled = true;
      status.textContent = "";
      action().catch(function (error) {
        console.warn("Passkey: " + describe(error));
        status.textContent = container.dataset.error;
        button.disabled = false;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var registration = document.getElementById("passkey-registration");
    if (registration) {
      var label = document.getElementById("passkey-label");
      wire(registration, document.getElementById("passkey-add"), function () {
        return register(label.value).then(function () {
          window.location.assign("/account/factors?passkeyAdded");
        });
      });
    }
    var signIn = document.getElementById("passkey-signin");
    if (signIn) {
      wire(signIn, document.getElementById("passkey-use"), function () {
        return authenticate().then(function (result) {
          window.location.assign(result && result.redirectUrl ? result.redirectUrl : "/");
        });
      });
    }
  });
})();
