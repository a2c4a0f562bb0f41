// Passkeys (WebAuthn): a button with data-passkey-options asks the browser for a new passkey
// ("create") or for one the person has ("get"), puts the answer in the form's hidden
// "credential" field and sends the form. No inline script: the CSP forbids it.
(function () {
  "use strict";

  function toBuffer(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) {
      base64 += "=";
    }
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toText(buffer) {
    if (!buffer) {
      return null;
    }
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function descriptors(list) {
    return (list || []).map(function (item) {
      return Object.assign({}, item, { id: toBuffer(item.id) });
    });
  }

  function created(credential) {
    var response = credential.response;
    return {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      response: {
        clientDataJSON: toText(response.clientDataJSON),
        attestationObject: toText(response.attestationObject),
        transports: response.getTransports ? response.getTransports() : [],
      },
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment,
    };
  }

  function asserted(credential) {
    var response = credential.response;
    return {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      response: {
        clientDataJSON: toText(response.clientDataJSON),
        authenticatorData: toText(response.authenticatorData),
        signature: toText(response.signature),
        userHandle: toText(response.userHandle),
      },
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment,
    };
  }

  function ask(mode, options) {
    options.challenge = toBuffer(options.challenge);
    if (mode === "create") {
      options.user.id = toBuffer(options.user.id);
      options.excludeCredentials = descriptors(options.excludeCredentials);
      return navigator.credentials.create({ publicKey: options }).then(created);
    }
    options.allowCredentials = descriptors(options.allowCredentials);
    return navigator.credentials.get({ publicKey: options }).then(asserted);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-passkey-options]");
    if (!button || !button.form) {
      return;
    }
    event.preventDefault();
    var form = button.form;
    if (!form.reportValidity()) {
      return;
    }
    var failed = form.querySelector("[data-passkey-failed]");
    if (failed) {
      failed.hidden = true;
    }
    if (!window.PublicKeyCredential) {
      if (failed) {
        failed.hidden = false;
      }
      return;
    }
    var options = JSON.parse(button.getAttribute("data-passkey-options"));
    ask(button.getAttribute("data-passkey"), options).then(
      function (credential) {
        form.querySelector("input[name=credential]").value = JSON.stringify(credential);
        form.submit();
      },
      function () {
        if (failed) {
          failed.hidden = false;
        }
      }
    );
  });
})();
