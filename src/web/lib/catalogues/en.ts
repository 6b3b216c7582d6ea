// The web app's words in English, one file per part of the app (src/locales/en/web), loaded as one
// chunk when the language is first shown. Compiled to Lingui's form at build time (vite.config.ts).
import account from "../../../locales/en/web/account.json";
import auth from "../../../locales/en/web/auth.json";
import common from "../../../locales/en/web/common.json";
import devices from "../../../locales/en/web/devices.json";
import profiles from "../../../locales/en/web/profiles.json";
import tv from "../../../locales/en/web/tv.json";
import watching from "../../../locales/en/web/watching.json";

export default { ...account, ...auth, ...common, ...devices, ...profiles, ...tv, ...watching };
