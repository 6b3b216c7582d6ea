// The catalogue's genres, in the order its rows are shown. Apart from the schemas: the web app
// lays out its rows with them, and they alone must not bring the schema library into a page.
export const genres = ["Drama", "Comedy", "Sci-fi", "Thriller", "Documentary", "Family", "Animation"] as const;
export type Genre = (typeof genres)[number];
