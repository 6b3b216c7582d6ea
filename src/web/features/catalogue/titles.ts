// The small built-in catalogue the profile home shows: invented shows and films (any
// likeness to a real title is an accident). Posters are drawn from each title's name.

export const genres = ["Drama", "Comedy", "Sci-fi", "Thriller", "Documentary", "Family", "Animation"] as const;
export type Genre = (typeof genres)[number];

export interface Title {
  id: string;
  name: string;
  kind: "Series" | "Film";
  year: number;
  genres: readonly Genre[];
  blurb: string;
  /** Shown on kids profiles. */
  forKids: boolean;
}

export const titles: readonly Title[] = [
  {
    id: "the-lantern-keepers",
    name: "The Lantern Keepers",
    kind: "Series",
    year: 2024,
    genres: ["Drama"],
    blurb: "Three sisters inherit a lighthouse and the debts that keep its lamp burning.",
    forKids: false,
  },
  {
    id: "salt-and-static",
    name: "Salt & Static",
    kind: "Series",
    year: 2023,
    genres: ["Drama", "Thriller"],
    blurb: "A night-shift radio host takes a call from a listener who knows too much.",
    forKids: false,
  },
  {
    id: "quiet-harbour",
    name: "Quiet Harbour",
    kind: "Film",
    year: 2022,
    genres: ["Drama"],
    blurb: "A ferry captain's last crossing brings a stranger with her brother's letters.",
    forKids: false,
  },
  {
    id: "encore-cafe",
    name: "Encore Café",
    kind: "Series",
    year: 2025,
    genres: ["Comedy"],
    blurb: "A retired stage magician opens a café where nothing stays on the menu.",
    forKids: false,
  },
  {
    id: "the-desk-fern",
    name: "The Desk Fern",
    kind: "Series",
    year: 2021,
    genres: ["Comedy", "Family"],
    blurb: "Office life as seen, and quietly judged, by the fern by the window.",
    forKids: true,
  },
  {
    id: "left-at-juniper-street",
    name: "Left at Juniper Street",
    kind: "Film",
    year: 2020,
    genres: ["Comedy"],
    blurb: "Two rival wedding planners book the same barn on the same Saturday.",
    forKids: false,
  },
  {
    id: "orbit-of-ash",
    name: "Orbit of Ash",
    kind: "Series",
    year: 2025,
    genres: ["Sci-fi", "Thriller"],
    blurb: "A mining crew wakes from cryosleep to find their ship has been renamed.",
    forKids: false,
  },
  {
    id: "addressed-to-vega",
    name: "Addressed to Vega",
    kind: "Film",
    year: 2023,
    genres: ["Sci-fi"],
    blurb: "An astronomer decodes a message that is addressed to her, by name.",
    forKids: false,
  },
  {
    id: "paper-planets",
    name: "Paper Planets",
    kind: "Series",
    year: 2024,
    genres: ["Sci-fi", "Animation", "Family"],
    blurb: "A girl folds a solar system out of homework and has to keep it spinning.",
    forKids: true,
  },
  {
    id: "glass-district",
    name: "Glass District",
    kind: "Series",
    year: 2022,
    genres: ["Thriller"],
    blurb: "A window cleaner sees the same crime, on the same floor, every Tuesday.",
    forKids: false,
  },
  {
    id: "cold-ledger",
    name: "Cold Ledger",
    kind: "Film",
    year: 2021,
    genres: ["Thriller", "Drama"],
    blurb: "An auditor finds one number that doesn't add up, and someone who wants it gone.",
    forKids: false,
  },
  {
    id: "the-hollow-hour",
    name: "The Hollow Hour",
    kind: "Series",
    year: 2025,
    genres: ["Thriller"],
    blurb: "Every night at 3 a.m. the whole town forgets the same hour.",
    forKids: false,
  },
  {
    id: "backyard-starlight",
    name: "Backyard Starlight",
    kind: "Series",
    year: 2023,
    genres: ["Documentary"],
    blurb: "Backyard astronomers chase the faintest light a home telescope can catch.",
    forKids: true,
  },
  {
    id: "bread-and-borders",
    name: "Bread & Borders",
    kind: "Series",
    year: 2022,
    genres: ["Documentary"],
    blurb: "One recipe, twelve countries, and the bakers who argue about it.",
    forKids: false,
  },
  {
    id: "the-river-remembers",
    name: "The River Remembers",
    kind: "Film",
    year: 2024,
    genres: ["Documentary"],
    blurb: "A year on a river that was given back to the otters.",
    forKids: true,
  },
  {
    id: "captain-pebble",
    name: "Captain Pebble",
    kind: "Series",
    year: 2025,
    genres: ["Animation", "Family"],
    blurb: "The smallest stone on the beach sets sail to find the biggest wave.",
    forKids: true,
  },
  {
    id: "moon-bakery",
    name: "Moon Bakery",
    kind: "Series",
    year: 2023,
    genres: ["Animation", "Family"],
    blurb: "A bakery on the Moon where every loaf floats away unless you sing to it.",
    forKids: true,
  },
  {
    id: "the-great-sock-escape",
    name: "The Great Sock Escape",
    kind: "Film",
    year: 2022,
    genres: ["Animation", "Comedy", "Family"],
    blurb: "Odd socks plan a daring escape from the washing machine.",
    forKids: true,
  },
  {
    id: "tide-pool-detectives",
    name: "Tide Pool Detectives",
    kind: "Series",
    year: 2024,
    genres: ["Family", "Documentary"],
    blurb: "Two cousins solve seaside mysteries with a bucket and a magnifying glass.",
    forKids: true,
  },
  {
    id: "rooftop-orchestra",
    name: "Rooftop Orchestra",
    kind: "Film",
    year: 2021,
    genres: ["Family", "Drama"],
    blurb: "A building's neighbours form an orchestra, one balcony at a time.",
    forKids: true,
  },
  {
    id: "hill-lights",
    name: "Hill Lights",
    kind: "Series",
    year: 2020,
    genres: ["Drama", "Sci-fi"],
    blurb: "After the grid fails, a valley relearns how to talk across the hills.",
    forKids: false,
  },
  {
    id: "neon-greenhouse",
    name: "Neon Greenhouse",
    kind: "Film",
    year: 2025,
    genres: ["Sci-fi", "Comedy"],
    blurb: "A botanist's glowing tomatoes become the city's most wanted vegetable.",
    forKids: false,
  },
];

/** What a profile may see: kids profiles get only the titles made for children. */
export function titlesFor(isKids: boolean): Title[] {
  return titles.filter((title) => !isKids || title.forKids);
}

/** The rows of the browse page: one per genre that has something to show. */
export function rowsByGenre(visible: readonly Title[]): { genre: Genre; titles: Title[] }[] {
  return genres
    .map((genre) => ({ genre, titles: visible.filter((title) => title.genres.includes(genre)) }))
    .filter((row) => row.titles.length > 0);
}
