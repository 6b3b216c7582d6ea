// The foot of the landing page and of every signed-in page: the one place that says the
// catalogue is made up, so the pages themselves read like a streaming service's.
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>Usher · The shows and films in this catalogue are made up, and so are their posters and the pictures the player shows.</p>
    </footer>
  );
}
