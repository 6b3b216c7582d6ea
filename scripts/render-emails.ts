// Writes every message template, rendered from its sample payload in each language Usher speaks,
// to test-results/emails/<language>/ (<template>.html and .txt), so the messages can be looked
// at (and screenshotted) without sending anything: `npx tsx scripts/render-emails.ts [PUBLIC_URL]`.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Language, languages } from "../src/contract/languages";
import type { Reader } from "../src/core/delivery/templates/reader";
import { createRenderer, type TemplateName, templates } from "../src/core/delivery/templates/render";
import { samplePayloads } from "../src/core/delivery/templates/samples";

// A time zone where each language is read, so the samples also show moments moved out of UTC.
const timeZones: Record<Language, string> = { en: "UTC", es: "Europe/Madrid", ar: "Asia/Riyadh" };

const out = join(process.cwd(), "test-results", "emails");
const render = createRenderer({ publicUrl: process.argv[2] ?? "http://localhost:3000" });
for (const language of languages) {
  const reader: Reader = { language, timeZone: timeZones[language] };
  const dir = join(out, language);
  mkdirSync(dir, { recursive: true });
  for (const name of Object.keys(templates) as TemplateName[]) {
    const rendered = render({ channel: templates[name].channel, template: name, payload: samplePayloads[name] }, reader);
    if (rendered.channel === "email") {
      writeFileSync(join(dir, `${name}.html`), rendered.email.html);
      writeFileSync(join(dir, `${name}.txt`), `Subject: ${rendered.email.subject}\n\n${rendered.email.text}\n`);
    } else {
      writeFileSync(join(dir, `${name}.txt`), `${rendered.text}\n`);
    }
  }
}
console.log(`Rendered ${Object.keys(templates).length} templates in ${languages.length} languages into ${out}`);
