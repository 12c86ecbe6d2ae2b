// The kit's Swagger UI: the reference server's own bundled document, served by the same server (no network).
window.onload = function () {
  window.ui = SwaggerUIBundle({
    urls: [
      { url: "/openapi.yaml", name: "Cloud Databases HA API" },
      { url: "/_emulator/openapi.yaml", name: "Reference server control API" }
    ],
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  });
};
