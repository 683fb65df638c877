// Foyer: the admin API's description, browsed with swagger-ui's standalone layout.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/admin/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    validatorUrl: null
  });
};
