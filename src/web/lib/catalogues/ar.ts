// The web app's words in Arabic, one file per part of the app (src/locales/ar/web), loaded as one
// chunk when the language is first shown. Compiled to Lingui's form at build time (vite.config.ts).
import account from "../../../locales/ar/web/account.json";
import auth from "../../../locales/ar/web/auth.json";
import common from "../../../locales/ar/web/common.json";
import devices from "../../../locales/ar/web/devices.json";
import profiles from "../../../locales/ar/web/profiles.json";
import tv from "../../../locales/ar/web/tv.json";
import watching from "../../../locales/ar/web/watching.json";

export default { ...account, ...auth, ...common, ...devices, ...profiles, ...tv, ...watching };
