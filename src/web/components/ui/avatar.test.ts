import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { avatarIds } from "../../../contract/avatars";
import { Avatar } from "./avatar";

const render = (avatar: (typeof avatarIds)[number], size: "small" | "large" = "large") =>
  renderToStaticMarkup(createElement(Avatar, { avatar, size }));

describe("Avatar", () => {
  it.each(avatarIds)("draws %s as an svg with no letters and no inline styles", (avatar) => {
    const markup = render(avatar);
    expect(markup).toMatch(/<svg[^>]* viewBox="0 0 100 100"/);
    expect(markup.replace(/<[^>]*>/g, "")).toBe("");
    expect(markup).not.toContain("style=");
    expect(markup).toContain(`avatar--${avatar}`);
  });

  it("hides the drawing from screen readers, which read the name printed beside it", () => {
    expect(render("ocean", "small")).toMatch(/^<span[^>]* aria-hidden="true"/);
  });

  it("gives every avatar its own drawing", () => {
    const drawings = avatarIds.map((avatar) => render(avatar).replace(/avatar--\w+/g, ""));
    expect(new Set(drawings).size).toBe(avatarIds.length);
  });
});
