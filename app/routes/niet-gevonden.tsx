// Any address no route knows: the friendly 404 page of the root error boundary.
import { data } from "react-router";

export function loader() {
  throw data({ code: "not_found", message: "Deze pagina bestaat niet." }, { status: 404 });
}

export default function NotFound() {
  return null;
}
