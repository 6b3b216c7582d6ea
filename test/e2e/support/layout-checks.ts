// Checks that a page's layout holds in any language and direction: nothing runs off the screen
// or is cut off inside its own box, and no two controls or headings sit on top of each other.
import { expect, type Page } from "@playwright/test";

export async function expectNothingClippedOrOverlapping(page: Page, name: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const width = document.documentElement.clientWidth;
    const named = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.className && typeof element.className === "string" ? `.${element.className.split(" ")[0]}` : ""} "${(element.textContent ?? "").trim().slice(0, 40)}"`;
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && !element.closest(".visually-hidden, [aria-hidden=true]");
    };
    const inside = (element: Element, test: (style: CSSStyleDeclaration) => boolean) => {
      for (let at = element.parentElement; at; at = at.parentElement) if (test(getComputedStyle(at))) return true;
      return false;
    };
    const scrollsSideways = (style: CSSStyleDeclaration) => style.overflowX === "auto" || style.overflowX === "scroll";
    const pinned = (style: CSSStyleDeclaration) => style.position === "fixed" || style.position === "sticky";

    if (document.documentElement.scrollWidth > width + 1)
      found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px wide)`);
    for (const element of document.querySelectorAll("h1, h2, h3, p, a, button, label, li, input, select, legend, dt, dd")) {
      if (!shown(element)) continue;
      const style = getComputedStyle(element);
      const cut = (style.overflowX === "hidden" || style.overflowX === "clip") && style.textOverflow !== "ellipsis";
      if (cut && element.scrollWidth > element.clientWidth + 1) found.push(`cut off: ${named(element)}`);
      const box = element.getBoundingClientRect();
      // Partly off the screen; wholly off it is a way of hiding (a skip link until it is focused).
      const partly = (box.left < -1 && box.right > 0) || (box.right > width + 1 && box.left < width);
      if (partly && !inside(element, scrollsSideways)) found.push(`off the screen: ${named(element)}`);
    }
    const controls = [...document.querySelectorAll("h1, h2, a, button, input, select, textarea, label")].filter(
      (element) => shown(element) && !inside(element, pinned) && !inside(element, scrollsSideways),
    );
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const [a, b] = [controls[i]!, controls[j]!];
        if (a.contains(b) || b.contains(a)) continue;
        const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
        const across = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const down = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (across > 2 && down > 2) found.push(`overlapping: ${named(a)} and ${named(b)}`);
      }
    }
    return found;
  });
  expect.soft(problems, `the ${name} page's layout`).toEqual([]);
}
