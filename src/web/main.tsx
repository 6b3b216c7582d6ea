// The web app's entry: styles, the browser's language, then the router.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { router } from "./app/router";
import { browserLanguage, LanguageProvider, showLanguage } from "./lib/i18n";
import "./styles/app.css";

await showLanguage(browserLanguage());

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <LanguageProvider>
      <RouterProvider router={router} />
    </LanguageProvider>
  </StrictMode>,
);
