// The web app's words in Spanish, one file per part of the app (src/locales/es/web), loaded as one
// chunk when the language is first shown. Compiled to Lingui's form at build time (vite.config.ts).
import account from "../../../locales/es/web/account.json";
import auth from "../../../locales/es/web/auth.json";
import common from "../../../locales/es/web/common.json";
import devices from "../../../locales/es/web/devices.json";
import profiles from "../../../locales/es/web/profiles.json";
import tv from "../../../locales/es/web/tv.json";
import watching from "../../../locales/es/web/watching.json";

export default { ...account, ...auth, ...common, ...devices, ...profiles, ...tv, ...watching };
