// The picture that stands in for video: a canvas animation drawn from a hash of the title's id,
// so each title always gets the same colours and scene, and nothing is fetched from anywhere.
// A canvas rather than CSS keyframes because the CSP forbids style attributes, and a scene
// derived per title would otherwise need one stylesheet rule per title.
// While `paused` the last frame stays on screen and no frame is requested, so a paused or
// stopped picture costs nothing.
import { useEffect, useRef } from "react";
import { useT } from "../../../lib/i18n";
import { hashText, seeded } from "../../../lib/seeded-random";
import { palettes } from "../../../lib/title-palettes";

const width = 640;
const FRAME_MS = 1000 / 24;
const height = 360;

type Palette = (typeof palettes)[number];

const scenes = ["bubbles", "waves", "rings", "beams", "stars"] as const;
type Scene = (typeof scenes)[number];

interface Sprite {
  x: number;
  y: number;
  size: number;
  speed: number;
  phase: number;
}

export interface SceneOf {
  scene: Scene;
  palette: Palette;
  sprites: Sprite[];
}

/** What a title's picture is made of; the same id always gives the same answer. */
export function sceneOf(titleId: string): SceneOf {
  const seed = hashText(titleId);
  const rand = seeded(seed);
  const sprites = Array.from({ length: 14 }, () => ({
    x: rand(),
    y: rand(),
    size: 0.3 + rand() * 0.7,
    speed: 0.4 + rand() * 0.9,
    phase: rand() * Math.PI * 2,
  }));
  return { scene: scenes[seed % scenes.length]!, palette: palettes[(seed >>> 8) % palettes.length]!, sprites };
}

/** Draws the frame `t` seconds into the title. */
function draw(context: CanvasRenderingContext2D, { scene, palette: c, sprites }: SceneOf, t: number): void {
  const sky = context.createLinearGradient(0, 0, width * 0.3, height);
  sky.addColorStop(0, c[0]);
  sky.addColorStop(1, c[1]);
  context.globalAlpha = 1;
  context.fillStyle = sky;
  context.fillRect(0, 0, width, height);

  switch (scene) {
    case "bubbles":
      for (const [i, s] of sprites.entries()) {
        const y = (((s.y * height - t * 30 * s.speed) % (height + 120)) + height + 120) % (height + 120);
        context.globalAlpha = 0.35 + 0.3 * s.size;
        context.fillStyle = i % 2 ? c[2] : c[3];
        context.beginPath();
        context.arc(s.x * width + Math.sin(t * s.speed + s.phase) * 24, y - 60, 12 + s.size * 40, 0, Math.PI * 2);
        context.fill();
      }
      break;
    case "waves":
      for (let i = 0; i < 5; i++) {
        const base = height * (0.35 + i * 0.12);
        context.globalAlpha = 0.25 + i * 0.12;
        context.fillStyle = i % 2 ? c[2] : c[3];
        context.beginPath();
        context.moveTo(0, height);
        for (let x = 0; x <= width; x += 16) {
          context.lineTo(x, base + Math.sin(x / (60 + i * 14) + t * (0.8 + i * 0.25) + i) * (10 + i * 4));
        }
        context.lineTo(width, height);
        context.fill();
      }
      break;
    case "rings": {
      const cx = width * (0.5 + 0.2 * Math.sin(t * 0.3));
      const cy = height * 0.45;
      context.lineWidth = 10;
      for (let i = 8; i > 0; i--) {
        const r = ((i * 34 + t * 40) % 300) + 10;
        context.globalAlpha = 0.85 * (1 - r / 320);
        context.strokeStyle = i % 2 ? c[2] : c[3];
        context.beginPath();
        context.arc(cx, cy, r, 0, Math.PI * 2);
        context.stroke();
      }
      break;
    }
    case "beams":
      for (const [i, s] of sprites.slice(0, 7).entries()) {
        const x = (((((s.x * 1.4 - 0.2) * width + t * 50 * s.speed) % (width + 200)) + width + 200) % (width + 200)) - 100;
        context.globalAlpha = 0.2 + 0.3 * s.size;
        context.fillStyle = i % 2 ? c[2] : c[3];
        context.beginPath();
        context.moveTo(x, 0);
        context.lineTo(x + 30 + s.size * 40, 0);
        context.lineTo(x + 120 + s.size * 60, height);
        context.lineTo(x + 60, height);
        context.fill();
      }
      break;
    case "stars":
      for (const s of sprites) {
        const x = (((s.x * width - t * 60 * s.speed) % width) + width) % width;
        context.globalAlpha = 0.5 + 0.5 * Math.sin(t * 2 * s.speed + s.phase);
        context.fillStyle = c[4];
        context.beginPath();
        context.arc(x, s.y * height * 0.8, 2 + s.size * 4, 0, Math.PI * 2);
        context.fill();
      }
      context.globalAlpha = 0.9;
      context.fillStyle = c[2];
      context.beginPath();
      context.arc(width * 0.72, height * 0.38 + Math.sin(t * 0.5) * 12, 56, 0, Math.PI * 2);
      context.fill();
      break;
  }
  // A ground shade so the scene reads as a picture, not a pattern.
  const shade = context.createLinearGradient(0, height * 0.5, 0, height);
  shade.addColorStop(0, "rgba(5, 8, 15, 0)");
  shade.addColorStop(1, "rgba(5, 8, 15, 0.6)");
  context.globalAlpha = 1;
  context.fillStyle = shade;
  context.fillRect(0, 0, width, height);
}

interface MovingPictureProps {
  titleId: string;
  paused: boolean;
  /** Read out to assistive technology ("Playing" when not given); the picture itself carries no information. */
  label?: string;
  className?: string;
}

export function MovingPicture({ titleId, paused, label, className }: MovingPictureProps) {
  const t = useT();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // Seconds of this title shown so far; kept across pauses so resuming carries on where it stopped.
  const elapsed = useRef({ titleId, seconds: 0 });

  useEffect(() => {
    const context = canvasRef.current?.getContext("2d");
    if (!context) return;
    if (elapsed.current.titleId !== titleId) elapsed.current = { titleId, seconds: 0 };
    const scene = sceneOf(titleId);
    draw(context, scene, elapsed.current.seconds);
    if (paused) return;
    let last: number | undefined;
    let drawn = Number.NEGATIVE_INFINITY;
    let frame = requestAnimationFrame(function tick(now) {
      // A long gap (a hidden tab) resumes the scene instead of jumping it forward.
      if (last !== undefined) elapsed.current.seconds += Math.min(now - last, 100) / 1000;
      last = now;
      // Drawn at film rate, not the screen's: the scene moves slowly, and a busy machine (or a
      // TV) keeps its main thread for the page.
      if (now - drawn >= FRAME_MS) {
        drawn = now;
        draw(context, scene, elapsed.current.seconds);
      }
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [titleId, paused]);

  return (
    <canvas
      ref={canvasRef}
      width={width}
      height={height}
      className={`moving-picture${className ? ` ${className}` : ""}`}
      role="img"
      aria-label={label ?? t("watching.movingPicture.playing")}
      data-paused={paused ? "true" : "false"}
    />
  );
}
