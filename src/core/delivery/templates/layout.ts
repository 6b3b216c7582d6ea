// Usher's email look, shared by every template: a header with the brand, short paragraphs,
// at most one button, and for security notices the "This wasn't me" way out. Every value put
// into HTML goes through `escapeHtml`; the plain-text body says the same in words. The page
// takes the reader's language and direction, and its own phrases come from the catalogue.
import { textDirection } from "../../../contract/languages";
import { phrase } from "./phrases";
import type { Reader } from "./reader";

export interface Brand {
  /** PUBLIC_URL's origin: every link in a message starts here. */
  publicUrl: string;
}

export interface EmailContent {
  subject: string;
  /** One line shown by mail clients next to the subject. */
  preheader: string;
  paragraphs: string[];
  button?: { label: string; url: string };
  /** Adds the "This wasn't me" link to /secure-account. */
  securityNotice?: boolean;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

// Usher's own colours, as in the web app: deep navy, the amber "seat light" and its dark ink.
const NAVY = "#0f1522";
const AMBER = "#f4b942";
const ON_AMBER = "#1b1400";
// Amber is for dark backgrounds; a text link on the notice's light grey needs a darker one to
// meet WCAG AA (4.5:1).
const LINK_AMBER = "#7a4f00";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * Text between HTML elements needs only `&`, `<` and `>` escaped: the layout's own phrases keep
 * their apostrophes as written ("This wasn't me"), where `escapeHtml` also covers attributes.
 */
function escapeText(value: string): string {
  return value.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
}

export const secureAccountUrl = (brand: Brand): string => `${brand.publicUrl}/secure-account`;

const dateLocales: Record<Reader["language"], string> = { en: "en-GB", es: "es", ar: "ar" };

/**
 * A moment as the reader reads it, in their language and time zone, naming the zone: "21
 * November 2026 at 13:05 UTC", "21 de noviembre de 2026 a las 14:05 CET".
 */
export function formatMoment(iso: string, reader: Reader): string {
  return momentFormat(reader).format(new Date(iso));
}

// Building a format costs more than formatting with it (every sign-in's notice names a moment):
// one per language and time zone, of which there are a few hundred at most.
const momentFormats = new Map<string, Intl.DateTimeFormat>();

function momentFormat({ language, timeZone }: Reader): Intl.DateTimeFormat {
  const key = `${language} ${timeZone}`;
  let format = momentFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocales[language], {
      timeZone,
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
    });
    momentFormats.set(key, format);
  }
  return format;
}

/**
 * "Didn't do this? <0>This wasn't me</0> — …": one sentence to translate, its <0>…</0> part
 * the link (the whole sentence, should a translation have lost the tags).
 */
function wasntMeNotice(reader: Reader, url: string): string {
  const sentence = phrase(reader, "email.layout.wasntMeNotice");
  const [, before = "", label = "", after = ""] = sentence.match(/^(.*)<0>(.*)<\/0>(.*)$/s) ?? [sentence, "", sentence, ""];
  return `${escapeText(before)}<a href="${escapeHtml(url)}" style="color:${LINK_AMBER};font-weight:bold">${escapeText(label)}</a>${escapeText(after)}`;
}

export function renderEmail(content: EmailContent, brand: Brand, reader: Reader): RenderedEmail {
  const wasntMe = secureAccountUrl(brand);
  const dir = textDirection(reader.language);
  const align = dir === "rtl" ? "right" : "left";
  const text = [
    ...content.paragraphs,
    ...(content.button ? [`${content.button.label}: ${content.button.url}`] : []),
    ...(content.securityNotice
      ? [`${phrase(reader, "email.layout.wasntMe")}: ${wasntMe}\n${phrase(reader, "email.layout.wasntMeHelp")}`]
      : []),
    `— Usher\n${brand.publicUrl}`,
  ].join("\n\n");

  const paragraphs = content.paragraphs
    .map((p) => `<p style="margin:0 0 16px;font-size:16px;line-height:24px;color:#222">${escapeHtml(p)}</p>`)
    .join("\n");
  const button = content.button
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.button.url)}" style="background:${AMBER};color:${ON_AMBER};text-decoration:none;font-weight:bold;padding:12px 24px;border-radius:999px;display:inline-block">${escapeHtml(content.button.label)}</a></p>`
    : "";
  const notice = content.securityNotice
    ? `<p style="margin:24px 0 0;padding:16px;background:#f4f4f4;border-radius:4px;font-size:14px;line-height:20px;color:#222">${wasntMeNotice(reader, wasntMe)}</p>`
    : "";
  const html = `<!doctype html>
<html lang="${reader.language}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;background:#f4f4f4;font-family:Helvetica,Arial,sans-serif">
<span style="display:none">${escapeHtml(content.preheader)}</span>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" dir="${dir}" style="max-width:560px;background:#fff;border-radius:8px;text-align:${align}">
<tr><td style="background:${NAVY};padding:20px 32px;border-radius:8px 8px 0 0"><span style="color:${AMBER};font-size:28px;font-weight:bold;letter-spacing:0.5px">Usher</span></td></tr>
<tr><td style="padding:32px">
<h1 style="margin:0 0 24px;font-size:24px;color:${NAVY}">${escapeHtml(content.subject)}</h1>
${paragraphs}
${button}
${notice}
</td></tr>
<tr><td style="padding:16px 32px 32px;font-size:12px;color:#737373">${escapeText(phrase(reader, "email.layout.footer"))} <a href="${escapeHtml(brand.publicUrl)}" style="color:#737373">${escapeHtml(brand.publicUrl)}</a></td></tr>
</table></td></tr></table>
</body></html>`;
  return { subject: content.subject, text, html };
}
