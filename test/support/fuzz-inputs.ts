// Inputs for the API fuzz test (test/security/api-fuzz.test.ts): a seeded generator, so a
// failing run replays exactly, and the strange values, bodies and encodings it draws from.

/** mulberry32: small, fast and good enough to pick test inputs; the same seed, the same run. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** 0 … n-1 */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  some<T>(items: readonly T[], atMost: number): T[] {
    return Array.from({ length: 1 + this.int(atMost) }, () => this.pick(items));
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** JSON text put into a body as it is: numbers and nestings JSON.stringify cannot write. */
export class RawJson {
  constructor(readonly text: string) {}
}

const deep = (depth: number, open: string, close: string, inner = "1") => open.repeat(depth) + inner + close.repeat(depth);

const STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udc00x",
  "x\udbff",
  "\udc00\ud800",
  "🎬🍿👩‍👩‍👧",
  "\u202eevil\u202c",
  "שלום עולם",
  "مرحبا",
  "e\u0301\u0301\u0301\u0301\u0301",
  "Z̤͔ͧ̑̓ä͖̭̈̇l͖͎g̞̥͈ͮ͗o̯͗",
  "\ufeff",
  "\u200b\u200d",
  "\r\n\t",
  "' OR 1=1 --",
  "'; drop table account; --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00",
  "null",
  "true",
  "-0",
  "1e400",
  "NaN",
  "0x10",
  "------------------------------------",
  "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
  "00000000-0000-0000-0000-000000000000",
  "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
  "+275760-09-13T00:00:00.000Z",
  "0000-01-01T00:00:00Z",
  "BCDF-GHJK",
  "bcdfghjk",
  "000000",
  "0000",
  "a".repeat(61),
  "a".repeat(1025),
  "😀".repeat(200),
  "a".repeat(15_000),
  "a".repeat(17_000),
];

/** What the database cannot store, alone or inside an ordinary value. */
const UNSTORABLE = ["\u0000", "\ud800", "\udbff", "\udc00", "\udfff", "\udc00\ud800"];

/** A string meant to break something: empty, huge, NUL, lone surrogates, RTL, combining marks… */
export function fuzzString(random: Random): string {
  const roll = random.next();
  if (roll < 0.3) {
    const around = random.pick(["", "Kitchen iPad", "viewer@example.com", "123456", "BCDF-GHJK", "violet-kettle-harbour-42"]);
    const at = random.int(around.length + 1);
    return around.slice(0, at) + random.pick(UNSTORABLE) + around.slice(at);
  }
  if (roll < 0.5) {
    const alphabet = "aZ09 -_.@+/%\\\"'<>{}[]|\u0000\u00e9\u05d0\ud83d\ude00\ud800\udc00\u0301\u202e";
    return Array.from({ length: 1 + random.int(40) }, () => random.pick([...alphabet])).join("");
  }
  return random.pick(STRINGS);
}

/** Any JSON value, most of them of the wrong type somewhere. */
export function fuzzValue(random: Random): unknown {
  switch (random.int(8)) {
    case 0:
    case 1:
    case 2:
      return fuzzString(random);
    case 3:
      return random.pick([0, -1, 1.5, -0.0001, 2 ** 53, -(2 ** 53), 1e308, Number.MAX_VALUE, 5e-324, 101, 1_000_000]);
    case 4:
      return random.pick([true, false, null]);
    case 5:
      return random.pick([
        new RawJson("1e400"),
        new RawJson("-1e400"),
        new RawJson(`1${"0".repeat(400)}`),
        new RawJson(deep(500, "[", "]")),
        new RawJson(deep(300, '{"a":', "}")),
      ]);
    case 6:
      return random.pick([[], [1, 2, 3], ["a"], [{}], [[[]]], Array.from({ length: 500 }, () => "x")]);
    default:
      return random.pick([
        {},
        { a: 1 },
        { kind: "mobile", name: "x" },
        { passkey: {} },
        JSON.parse('{"__proto__":{"polluted":true}}'),
        { constructor: { prototype: { polluted: true } } },
      ]);
  }
}

/** A body that is no JSON an operation expects, with the content type it goes with (or none). */
export function junkBody(random: Random): { payload: string; contentType: string | undefined } {
  const payload = random.pick([
    "",
    "{",
    "[",
    "nul",
    '{"a":}',
    "{'a':1}",
    '{"a":1,"a":2}',
    '"just a string"',
    "123",
    "true",
    "null",
    "[]",
    `1${"0".repeat(400)}`,
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    deep(8000, "[", "]", ""),
    deep(2500, '{"a":', "}"),
    '{"email":"\\u0000","password":"\\ud800"}',
    "\u0000\u0001\u0002",
    "\ufeff{}",
    "a=1&b=2",
    "client_id=usher-tv&client_id=usher-tv",
    "<xml/>",
    "x".repeat(17_000),
  ]);
  const contentType = random.pick([
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=latin1",
    "APPLICATION/JSON",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/xml",
    "",
    undefined,
  ]);
  return { payload, contentType };
}

/** A body as JSON, or as a form for the OAuth endpoints, with RawJson written in place. */
export function serialize(body: unknown, contentType: string, random: Random): string {
  if (contentType.includes("form")) {
    if (body === null || typeof body !== "object") return wtf8QueryValue(String(body instanceof RawJson ? body.text : body));
    const pairs = Object.entries(body).map(
      ([key, value]) =>
        `${wtf8QueryValue(key)}=${wtf8QueryValue(value instanceof RawJson ? value.text : typeof value === "string" ? value : (JSON.stringify(value) ?? ""))}`,
    );
    return (random.chance(0.1) ? [...pairs, ...pairs] : pairs).join("&");
  }
  const raws: string[] = [];
  const json =
    JSON.stringify(body, (_key, value: unknown) => (value instanceof RawJson ? `\u2063raw${raws.push(value.text) - 1}` : value)) ?? "null";
  return json.replace(/"\u2063raw(\d+)"/g, (_, index: string) => raws[Number(index)]!);
}

/**
 * Percent-encodes a string for a URL or form, lone surrogates included (as the three bytes
 * they would have in UTF-8, which a decoder must refuse or replace): encodeURIComponent throws.
 */
export function wtf8QueryValue(value: string): string {
  let out = "";
  for (const char of value) {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join("");
    } else out += encodeURIComponent(char);
  }
  return out;
}
