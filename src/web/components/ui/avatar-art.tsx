// The characters profiles wear: one flat drawing per avatar, on a 100 × 100 canvas, drawn over
// the avatar's gradient (app.css's `.avatar--<id>`). Presentation attributes only: the
// Content-Security-Policy forbids inline styles.
import type { ReactElement } from "react";
import type { AvatarId } from "../../../contract/avatars";

const ink = "#1d2333";
const white = "#ffffff";

/** Two round eyes with a highlight, `apart` from the middle either side. */
function Eyes({ y, apart, r = 5 }: { y: number; apart: number; r?: number }) {
  return (
    <>
      {[50 - apart, 50 + apart].map((x) => (
        <g key={x}>
          <circle cx={x} cy={y} r={r} fill={ink} />
          <circle cx={x + r * 0.35} cy={y - r * 0.35} r={r * 0.35} fill={white} />
        </g>
      ))}
    </>
  );
}

/** A smile `width` wide, its corners at height `y`. */
function Smile({ y, width }: { y: number; width: number }) {
  const half = width / 2;
  return <path d={`M${50 - half} ${y}q${half} ${half * 1.2} ${width} 0`} fill="none" stroke={ink} strokeWidth={3} strokeLinecap="round" />;
}

function Cheeks({ y, apart }: { y: number; apart: number }) {
  return (
    <>
      <ellipse cx={50 - apart} cy={y} rx={5} ry={3} fill="#ff6f91" opacity={0.45} />
      <ellipse cx={50 + apart} cy={y} rx={5} ry={3} fill="#ff6f91" opacity={0.45} />
    </>
  );
}

function fox() {
  return (
    <>
      <path d="M20 46 28 10 48 30ZM80 46 72 10 52 30Z" fill="#e2592b" />
      <path d="M27 34 30 19 40 29ZM73 34 70 19 60 29Z" fill="#ffd9bf" />
      <path d="M16 50Q18 26 50 26T84 50Q80 70 50 90Q20 70 16 50Z" fill="#e2592b" />
      <path d="M20 58Q38 54 50 64Q62 54 80 58Q72 76 50 90Q28 76 20 58Z" fill="#fff4e3" />
      <Eyes y={50} apart={14} r={4.5} />
      <ellipse cx={50} cy={69} rx={5} ry={3.5} fill={ink} />
      <Smile y={76} width={10} />
    </>
  );
}

function octopus() {
  return (
    <>
      <circle cx={16} cy={24} r={3} fill={white} opacity={0.55} />
      <circle cx={23} cy={14} r={2} fill={white} opacity={0.55} />
      <circle cx={84} cy={30} r={2.5} fill={white} opacity={0.55} />
      <path
        d="M26 62q-2 20-14 22M38 66q-2 20-10 28M50 68v24M62 66q2 20 10 28M74 62q2 20 14 22"
        fill="none"
        stroke="#ff7f66"
        strokeWidth={9}
        strokeLinecap="round"
      />
      <path d="M20 62Q20 16 50 16T80 62Q80 72 50 72T20 62Z" fill="#ff7f66" />
      <circle cx={36} cy={30} r={3.5} fill="#e8604d" />
      <circle cx={63} cy={26} r={2.5} fill="#e8604d" />
      <circle cx={69} cy={38} r={2} fill="#e8604d" />
      <Eyes y={50} apart={12} />
      <Cheeks y={59} apart={21} />
      <Smile y={60} width={12} />
    </>
  );
}

function owl() {
  return (
    <>
      <path d="M22 34 20 10 40 24ZM78 34 80 10 60 24Z" fill="#8a5a3b" />
      <ellipse cx={50} cy={64} rx={32} ry={42} fill="#8a5a3b" />
      <ellipse cx={21} cy={76} rx={7} ry={18} fill="#6d4429" />
      <ellipse cx={79} cy={76} rx={7} ry={18} fill="#6d4429" />
      <ellipse cx={50} cy={84} rx={19} ry={20} fill="#e3c29b" />
      <path d="M42 78l4 3 4-3M50 78l4 3 4-3M46 86l4 3 4-3" fill="none" stroke="#8a5a3b" strokeWidth={2} strokeLinecap="round" />
      <circle cx={37} cy={44} r={12} fill="#fff6e0" />
      <circle cx={63} cy={44} r={12} fill="#fff6e0" />
      <Eyes y={44} apart={13} r={6} />
      <path d="M45 54h10l-5 8Z" fill="#f2a03d" />
    </>
  );
}

function astronaut() {
  return (
    <>
      <circle cx={14} cy={18} r={1.8} fill={white} />
      <circle cx={86} cy={14} r={1.5} fill={white} />
      <circle cx={88} cy={48} r={1.2} fill={white} />
      <circle cx={11} cy={56} r={1.4} fill={white} />
      <path d="M18 100Q18 76 50 76T82 100Z" fill="#eceaff" />
      <circle cx={63} cy={89} r={4} fill="#ff8f6b" />
      <path d="M50 19V10" stroke="#cfc6ff" strokeWidth={3} />
      <circle cx={50} cy={9} r={3.5} fill="#ff8f6b" />
      <rect x={15} y={40} width={8} height={16} rx={3} fill="#cfc6ff" />
      <rect x={77} y={40} width={8} height={16} rx={3} fill="#cfc6ff" />
      <circle cx={50} cy={48} r={30} fill="#f7f5ff" />
      <circle cx={50} cy={50} r={21} fill="#3b3a78" />
      <circle cx={50} cy={53} r={15} fill="#ffdcc2" />
      <path d="M36 40q3-8 11-10" fill="none" stroke={white} strokeWidth={3} strokeLinecap="round" opacity={0.7} />
      <Eyes y={52} apart={6} r={3} />
      <Cheeks y={58} apart={10} />
      <Smile y={58} width={8} />
    </>
  );
}

function cat() {
  return (
    <>
      <path d="M18 46 23 10 46 28ZM82 46 77 10 54 28Z" fill="#fff3ea" />
      <path d="M25 36 27 19 38 27ZM75 36 73 19 62 27Z" fill="#ff9aa2" />
      <ellipse cx={50} cy={58} rx={35} ry={30} fill="#fff3ea" />
      <path d="M44 30v7M50 28v9M56 30v7" stroke="#f39b4a" strokeWidth={3} strokeLinecap="round" />
      <Eyes y={54} apart={13} />
      <path d="M46 63h8l-4 4Z" fill="#ff7a8a" />
      <path d="M50 67q-4 5-8 2M50 67q4 5 8 2" fill="none" stroke={ink} strokeWidth={2} strokeLinecap="round" />
      <path d="M12 60h16M13 69l15-4M88 60H72M87 69l-15-4" stroke={ink} strokeWidth={1.5} opacity={0.4} />
      <Cheeks y={64} apart={22} />
    </>
  );
}

function bunny() {
  return (
    <>
      <ellipse cx={37} cy={24} rx={9} ry={22} fill={white} />
      <ellipse cx={63} cy={24} rx={9} ry={22} fill={white} />
      <ellipse cx={37} cy={26} rx={4.5} ry={15} fill="#f78fd0" />
      <ellipse cx={63} cy={26} rx={4.5} ry={15} fill="#f78fd0" />
      <ellipse cx={50} cy={104} rx={30} ry={17} fill={white} />
      <ellipse cx={50} cy={62} rx={30} ry={27} fill={white} />
      <Eyes y={59} apart={12} r={4.5} />
      <ellipse cx={50} cy={68} rx={3.5} ry={2.5} fill="#e26ad0" />
      <path d="M44 72q3 4 6 0q3 4 6 0" fill="none" stroke={ink} strokeWidth={2} strokeLinecap="round" />
      <Cheeks y={69} apart={20} />
    </>
  );
}

function penguin() {
  return (
    <>
      <ellipse cx={50} cy={101} rx={46} ry={9} fill={white} opacity={0.6} />
      <ellipse cx={18} cy={80} rx={6} ry={14} fill="#24324f" />
      <ellipse cx={82} cy={80} rx={6} ry={14} fill="#24324f" />
      <path d="M18 100Q16 28 50 20T82 100Z" fill="#24324f" />
      <ellipse cx={50} cy={86} rx={20} ry={18} fill={white} />
      <path d="M50 38Q60 28 68 38Q78 54 62 62L50 66 38 62Q22 54 32 38Q40 28 50 38Z" fill={white} />
      <Eyes y={47} apart={10} r={4.5} />
      <path d="M44 55h12l-6 7Z" fill="#ffa23a" />
      <Cheeks y={56} apart={17} />
      <path d="M28 66q22 8 44 0v7q-22 8-44 0Z" fill="#ff6b6b" />
    </>
  );
}

function frog() {
  return (
    <>
      <ellipse cx={50} cy={104} rx={30} ry={18} fill="#3f9a4a" />
      <ellipse cx={50} cy={104} rx={18} ry={12} fill="#c7ec9f" />
      <circle cx={32} cy={34} r={14} fill="#3f9a4a" />
      <circle cx={68} cy={34} r={14} fill="#3f9a4a" />
      <ellipse cx={50} cy={60} rx={38} ry={28} fill="#3f9a4a" />
      <circle cx={32} cy={34} r={9} fill={white} />
      <circle cx={68} cy={34} r={9} fill={white} />
      <Eyes y={34} apart={18} />
      <circle cx={46} cy={54} r={1.5} fill={ink} />
      <circle cx={54} cy={54} r={1.5} fill={ink} />
      <Smile y={64} width={34} />
    </>
  );
}

/** What each avatar depicts, drawn inside a `viewBox="0 0 100 100"` svg. */
export const avatarArt: Record<AvatarId, ReactElement> = {
  sunrise: fox(),
  ocean: octopus(),
  forest: owl(),
  comet: astronaut(),
  ember: cat(),
  orchid: bunny(),
  glacier: penguin(),
  meadow: frog(),
};
