import { describe, expect, it } from "vitest";
import { dataFile, dataFileName } from "./data-file";

describe("the downloaded data file", () => {
  it("is named for the day it was exported, as the API's content-disposition names it", () => {
    expect(dataFileName("2026-11-21T23:59:59.000Z")).toBe("usher-data-2026-11-21.json");
    expect(dataFileName("2027-01-02T00:00:00.000Z")).toBe("usher-data-2027-01-02.json");
  });

  it("still gets a name when the export time can't be read", () => {
    expect(dataFileName("")).toBe("usher-data.json");
    expect(dataFileName("yesterday")).toBe("usher-data.json");
  });

  it("holds the data exactly as answered, indented to be read", () => {
    const data = { exportedAt: "2026-11-21T13:00:00.000Z", account: { email: "alex@example.com" }, profiles: [{ name: "Alex" }] };
    const file = dataFile(data);
    expect(file.type).toBe("application/json");
    expect(file.name).toBe("usher-data-2026-11-21.json");
    expect(JSON.parse(file.contents)).toEqual(data);
    expect(file.contents).toContain('\n  "account": {\n    "email": "alex@example.com"\n  }');
    expect(file.contents.endsWith("}\n")).toBe(true);
  });
});
