// Writes every email template, rendered from its sample payload, to test-results/emails/
// (<template>.html and .txt), so the messages can be looked at (and screenshotted) without
// sending anything: `npx tsx scripts/render-emails.ts [PUBLIC_URL]`.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRenderer, type TemplateName, templates } from "../src/core/delivery/templates/render";
import { samplePayloads } from "../src/core/delivery/templates/samples";

const out = join(process.cwd(), "test-results", "emails");
mkdirSync(out, { recursive: true });
const render = createRenderer({ publicUrl: process.argv[2] ?? "http://localhost:3000" });
for (const name of Object.keys(templates) as TemplateName[]) {
  const rendered = render({ channel: templates[name].channel, template: name, payload: samplePayloads[name] });
  if (rendered.channel === "email") {
    writeFileSync(join(out, `${name}.html`), rendered.email.html);
    writeFileSync(join(out, `${name}.txt`), `Subject: ${rendered.email.subject}\n\n${rendered.email.text}\n`);
  } else {
    writeFileSync(join(out, `${name}.txt`), `${rendered.text}\n`);
  }
}
console.log(`Rendered ${Object.keys(templates).length} templates into ${out}`);
