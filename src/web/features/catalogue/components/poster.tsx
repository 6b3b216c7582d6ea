// A title's poster, drawn in SVG from a hash of its name: the same title always gets the same
// colours and shapes, and no image is fetched from anywhere. Only presentation attributes are
// used (the CSP forbids style attributes). It is a picture: it is laid out left to right in every
// language (its text is placed from the left edge), only its words follow the shown language.
import { type ReactElement, useId } from "react";
import { activeLanguage, useT } from "../../../lib/i18n";
import { hashText, seeded } from "../../../lib/seeded-random";
import { palettes } from "../../../lib/title-palettes";
import type { Title } from "../api/list-titles";
import { titleKindName } from "../title-words";

type Variant = "portrait" | "wide";

const sizes = { portrait: { w: 200, h: 300, perLine: 11 }, wide: { w: 480, h: 270, perLine: 18 } } as const;

const motifs = ["sun", "rings", "peaks", "waves", "tiles", "orbits", "beams"] as const;
type Motif = (typeof motifs)[number];

/** Splits the name into lines of about `perLine` characters, breaking between words. */
function lines(name: string, perLine: number): string[] {
  const out: string[] = [];
  for (const word of name.toUpperCase().split(/\s+/)) {
    const last = out[out.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= perLine) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out;
}

function drawMotif(motif: Motif, rand: () => number, w: number, h: number, c: readonly string[]): ReactElement[] {
  const r = (min: number, max: number) => min + rand() * (max - min);
  const shapes: ReactElement[] = [];
  switch (motif) {
    case "sun": {
      const cx = r(0.3, 0.7) * w;
      const cy = r(0.25, 0.45) * h;
      shapes.push(<circle key="sun" cx={cx} cy={cy} r={r(0.18, 0.28) * w} fill={c[2]} />);
      for (let i = 0; i < 5; i++) {
        const y = cy + i * r(10, 16);
        shapes.push(<rect key={`band${i}`} x={0} y={y} width={w} height={3 + i} fill={c[0]} opacity={0.7} />);
      }
      break;
    }
    case "rings": {
      const cx = r(0.2, 0.8) * w;
      const cy = r(0.2, 0.5) * h;
      for (let i = 6; i > 0; i--) {
        shapes.push(
          <circle
            key={`ring${i}`}
            cx={cx}
            cy={cy}
            r={i * r(14, 22)}
            fill="none"
            stroke={i % 2 ? c[2] : c[3]}
            strokeWidth={r(3, 8)}
            opacity={0.85}
          />,
        );
      }
      break;
    }
    case "peaks": {
      for (let i = 0; i < 3; i++) {
        const base = h * (0.55 + i * 0.08);
        const peak = r(0.15, 0.85) * w;
        const points = `${-20},${base + 40} ${peak},${base - r(0.2, 0.35) * h} ${w + 20},${base + 40}`;
        shapes.push(<polygon key={`peak${i}`} points={points} fill={[c[3], c[2], c[4]][i]} opacity={0.55 + i * 0.2} />);
      }
      break;
    }
    case "waves": {
      for (let i = 0; i < 5; i++) {
        const y = h * (0.25 + i * 0.1);
        const amp = r(10, 24);
        const d = `M0 ${y} C ${w * 0.25} ${y - amp}, ${w * 0.5} ${y + amp}, ${w} ${y - amp / 2} L ${w} ${h} L 0 ${h} Z`;
        shapes.push(<path key={`wave${i}`} d={d} fill={i % 2 ? c[2] : c[3]} opacity={0.25 + i * 0.1} />);
      }
      break;
    }
    case "tiles": {
      const size = r(28, 44);
      const angle = r(-20, 20);
      for (let x = -size; x < w + size; x += size * 1.4) {
        for (let y = -size; y < h * 0.7; y += size * 1.4) {
          if (rand() < 0.45) {
            shapes.push(
              <rect
                key={`tile${x}-${y}`}
                x={x}
                y={y}
                width={size}
                height={size}
                rx={4}
                fill={rand() < 0.5 ? c[2] : c[3]}
                opacity={r(0.35, 0.9)}
                transform={`rotate(${angle} ${w / 2} ${h / 2})`}
              />,
            );
          }
        }
      }
      break;
    }
    case "orbits": {
      const cx = w / 2;
      const cy = h * r(0.3, 0.42);
      shapes.push(<circle key="planet" cx={cx} cy={cy} r={w * 0.14} fill={c[2]} />);
      for (let i = 1; i <= 3; i++) {
        const tilt = r(-30, 30);
        shapes.push(
          <ellipse
            key={`orbit${i}`}
            cx={cx}
            cy={cy}
            rx={w * (0.22 + i * 0.09)}
            ry={w * (0.06 + i * 0.03)}
            fill="none"
            stroke={c[3]}
            strokeWidth={2}
            transform={`rotate(${tilt} ${cx} ${cy})`}
          />,
        );
        shapes.push(
          <circle
            key={`moon${i}`}
            cx={cx + w * (0.22 + i * 0.09) * (rand() < 0.5 ? -1 : 1)}
            cy={cy}
            r={r(4, 9)}
            fill={c[4]}
            transform={`rotate(${tilt} ${cx} ${cy})`}
          />,
        );
      }
      break;
    }
    case "beams": {
      for (let i = 0; i < 6; i++) {
        const x = r(-0.2, 1) * w;
        shapes.push(
          <polygon
            key={`beam${i}`}
            points={`${x},0 ${x + r(20, 60)},0 ${x + r(80, 160)},${h} ${x + r(40, 80)},${h}`}
            fill={i % 2 ? c[2] : c[3]}
            opacity={r(0.2, 0.55)}
          />,
        );
      }
      break;
    }
  }
  return shapes;
}

interface PosterProps {
  title: Pick<Title, "name" | "kind">;
  variant?: Variant;
  /** Hidden from assistive technology when the title's name is shown beside the poster. */
  decorative?: boolean;
  className?: string;
}

export function Poster({ title, variant = "portrait", decorative = false, className }: PosterProps) {
  const t = useT();
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const { w, h, perLine } = sizes[variant];
  const seed = hashText(title.name);
  const rand = seeded(seed);
  const palette = palettes[seed % palettes.length]!;
  const motif = motifs[(seed >>> 8) % motifs.length]!;
  const text = lines(title.name, perLine);
  const longest = Math.max(...text.map((line) => line.length));
  const fontSize = Math.min(variant === "wide" ? 40 : 30, Math.floor((w - 32) / (longest * 0.8)));
  const lineHeight = fontSize * 1.05;
  const firstBaseline = h - 22 - (text.length - 1) * lineHeight;

  return (
    <svg
      viewBox={`0 0 ${w} ${h}`}
      className={`poster poster--${variant}${className ? ` ${className}` : ""}`}
      focusable="false"
      aria-hidden={decorative ? true : undefined}
      role={decorative ? undefined : "img"}
      aria-label={
        decorative
          ? undefined
          : t(title.kind === "Film" ? "watching.poster.filmLabel" : "watching.poster.seriesLabel", { name: title.name })
      }
      direction="ltr"
    >
      <defs>
        <linearGradient id={`${uid}-sky`} x1="0" y1="0" x2={rand() < 0.5 ? "0.3" : "0"} y2="1">
          <stop offset="0" stopColor={palette[0]} />
          <stop offset="1" stopColor={palette[1]} />
        </linearGradient>
        <linearGradient id={`${uid}-shade`} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0.45" stopColor="#05080f" stopOpacity="0" />
          <stop offset="1" stopColor="#05080f" stopOpacity="0.85" />
        </linearGradient>
      </defs>
      <rect width={w} height={h} fill={`url(#${uid}-sky)`} />
      {drawMotif(motif, rand, w, h, palette)}
      <rect width={w} height={h} fill={`url(#${uid}-shade)`} />
      {/* Spaced-out letters would break Arabic's joined script apart. */}
      <text
        x={16}
        y={26}
        fill="#f1f4fa"
        fontFamily="system-ui, sans-serif"
        fontSize={11}
        fontWeight={700}
        letterSpacing={activeLanguage() === "ar" ? 0 : 2}
        opacity={0.9}
      >
        {titleKindName(title.kind).toLocaleUpperCase(activeLanguage())}
      </text>
      <text x={16} y={firstBaseline} fill="#ffffff" fontFamily="system-ui, sans-serif" fontSize={fontSize} fontWeight={800}>
        {text.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines follow from the name and never move; the same line can come twice ("BYE BYE BYE"), so its place is its key.
          <tspan key={i} x={16} dy={i === 0 ? 0 : lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
    </svg>
  );
}
