// Placeholder: being built.
export default function ManageProfilesPage() {
  return <main id="main" className="page"><h1>manage-profiles</h1></main>;
}
