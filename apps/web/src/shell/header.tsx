import { Link, paths } from '../lib/router';
import { BudgetMeter } from './budget-meter';

export function Header(props: { navOpen: boolean; onToggleNav: () => void }) {
  return (
    <header className="app-header">
      <button
        type="button"
        className="icon-button nav-toggle"
        aria-expanded={props.navOpen}
        aria-controls="sidebar"
        onClick={props.onToggleNav}
      >
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
          <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="1.8" />
        </svg>
        <span className="sr-only">{props.navOpen ? 'Close menu' : 'Open menu'}</span>
      </button>
      <Link to={paths.home()} className="brand">
        <span className="brand-mark" aria-hidden="true">
          A
        </span>
        <span className="brand-name">Analyst</span>
      </Link>
      <div className="header-spacer" />
      <BudgetMeter />
    </header>
  );
}
