// Where a page sits: a named navigation landmark with a list of links, ending at the page itself.
import { Link } from "./link.tsx";

export function BreadcrumbNav(props: {
  label: string;
  links: { to: string; label: string }[];
  /** The page itself, when the trail names it. */
  current?: string;
}) {
  return (
    <nav aria-label={props.label} className="utrecht-breadcrumb-nav vm-breadcrumb">
      <ol className="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
        {props.links.map((link) => (
          <li key={link.to} className="utrecht-breadcrumb-nav__item">
            <Link to={link.to} className="utrecht-breadcrumb-nav__link">
              {link.label}
            </Link>
          </li>
        ))}
        {props.current ? (
          <li className="utrecht-breadcrumb-nav__item">
            <span aria-current="page">{props.current}</span>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
