// Skeleton while the server reads the database: a title and panels, so the page does not jump.
export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="skeleton-page">
      <div className="skeleton skeleton--title" />
      <div className="skeleton skeleton--line" />
      <div className="zone-list">
        {[0, 1].map((i) => (
          <div key={i} className="panel skeleton-card">
            <div className="skeleton skeleton--heading" />
            <div className="skeleton skeleton--block" />
          </div>
        ))}
      </div>
    </div>
  );
}
