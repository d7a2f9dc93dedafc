// The frame of every page: skip link, header with search and language switch, main navigation, the
// notice that this is a rendering of the guide, and the footer.
import type { ReactNode } from "react";
import { Form, NavLink, useLocation } from "react-router";
import { Button } from "./button.tsx";
import { InlineScript } from "./inline-script.tsx";

export interface ShellText {
  siteName: string;
  tagline: string;
  skipLink: string;
  mainNav: string;
  footerNav: string;
  nav: { to: string; label: string }[];
  searchLabel: string;
  searchButton: string;
  switchLanguage: { value: string; label: string; ariaLabel: string; lang: string };
  notice: ReactNode;
  footerLinks: { to: string; label: string; external?: boolean }[];
  license: string;
}

// After switching the language on a page without React, the new page loads whole: the switch gets the
// focus back, as on a page where React keeps it, so a keyboard user is where they were.
const KEEP_FOCUS_ON_LANGUAGE_SWITCH =
  'try{const f=document.getElementById("taalkeuze");' +
  'if(f&&sessionStorage.getItem("vm-focus")==="taal"){sessionStorage.removeItem("vm-focus");f.querySelector("button")?.focus()}' +
  'f?.addEventListener("submit",()=>{if(!("__reactRouterRouteModules"in window))sessionStorage.setItem("vm-focus","taal")})}catch{}';

export function PageShell(props: { text: ShellText; children: ReactNode; searchQuery?: string }) {
  const location = useLocation();
  const back = `${location.pathname}${location.search}`;
  return (
    <div className="utrecht-page-layout vm-page">
      <a className="nl-skip-link nl-skip-link--visible-on-focus" href="#inhoud">
        {props.text.skipLink}
      </a>
      <header className="utrecht-page-header vm-header">
        <div className="utrecht-page-header__content vm-width">
          <div className="vm-brand">
            <NavLink to="/" className="vm-brand__name">
              {props.text.siteName}
            </NavLink>
            <span className="vm-brand__tagline">{props.text.tagline}</span>
          </div>
          <search className="vm-search">
            <form method="get" action="/zoeken" className="vm-search__form">
              <label htmlFor="zoekveld-kop" className="utrecht-form-label vm-search__label">
                {props.text.searchLabel}
              </label>
              <input
                id="zoekveld-kop"
                name="q"
                type="search"
                className="utrecht-textbox utrecht-textbox--html-input vm-search__input"
                defaultValue={props.searchQuery}
                maxLength={500}
                autoComplete="off"
              />
              <Button appearance="secondary-action">{props.text.searchButton}</Button>
            </form>
          </search>
          <Form method="post" action="/taal" className="vm-language" id="taalkeuze">
            <input type="hidden" name="terug" value={back} />
            <Button
              appearance="subtle"
              name="taal"
              value={props.text.switchLanguage.value}
              aria-label={props.text.switchLanguage.ariaLabel}
              lang={props.text.switchLanguage.lang}
            >
              {props.text.switchLanguage.label}
            </Button>
          </Form>
          <InlineScript code={KEEP_FOCUS_ON_LANGUAGE_SWITCH} />
        </div>
        <nav className="rhc-nav-bar vm-nav" aria-label={props.text.mainNav}>
          <div className="rhc-nav-bar__container vm-width">
            <ul className="rhc-nav-bar__list">
              {props.text.nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === "/"} className="rhc-nav-bar__link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      </header>
      <div className="utrecht-page-body">
        <div className="utrecht-page-body__content vm-width">
          <div className="vm-notice">{props.text.notice}</div>
          <main id="inhoud" tabIndex={-1} className="vm-main">
            {props.children}
          </main>
        </div>
      </div>
      <footer className="utrecht-page-footer rhc-page-footer vm-footer">
        <div className="utrecht-page-footer__content vm-width">
          <nav aria-label={props.text.footerNav}>
            <ul className="utrecht-link-list utrecht-link-list--html-ul vm-footer__links">
              {props.text.footerLinks.map((link) => (
                <li key={link.to} className="utrecht-link-list__item">
                  {link.external ? (
                    <a className="nl-link vm-footer__link" href={link.to} rel="noopener">
                      {link.label}
                    </a>
                  ) : (
                    <NavLink className="nl-link vm-footer__link" to={link.to}>
                      {link.label}
                    </NavLink>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          <p className="nl-paragraph vm-footer__license">{props.text.license}</p>
        </div>
      </footer>
    </div>
  );
}
