import { useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type ButtonHTMLAttributes, type ReactNode } from "react";

type Variant = "primary" | "secondary";

const looks: Record<Variant, string> = {
  primary: "bg-sea-700 text-white hover:bg-sea-800 aria-busy:bg-sea-800",
  secondary: "border border-sea-700 bg-white text-sea-800 hover:bg-sea-50",
};

type SubmitButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "children"> & {
  children: ReactNode;
  /** What the button says while its request is on its way ("Ajout…"): the page's own words. */
  busyLabel: string;
  variant?: Variant;
  /** A button drawn as a sign (−, +, ×): while busy it shows the spinner alone, its busy words for screen readers only. */
  iconOnly?: boolean;
  /**
   * The state of the request the form sends, when it is sent by a fetcher (`fetcher.state`);
   * without it the page's navigation says it.
   */
  state?: "idle" | "submitting" | "loading";
};

/**
 * A submit button that shows it is working while its request is on its way (aria-busy, a spinner,
 * its busy words) and sends its form once: a second tap before the answer (a double tap on a phone,
 * an impatient click) is swallowed before the router sees it, so "add" is never posted twice.
 *
 * The guard listens to the form's submit event itself rather than to clicks: a click the browser
 * refuses (a quantity out of range) sends nothing and must leave the button usable.
 */
export function SubmitButton({ children, busyLabel, variant = "primary", iconOnly = false, state, className = "", disabled, ...button }: SubmitButtonProps) {
  const navigation = useNavigation();
  const ref = useRef<HTMLButtonElement>(null);
  const sending = useRef(false);
  const [pressed, setPressed] = useState(false);
  const requestState = state ?? navigation.state;
  const seenBusy = useRef(false);

  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    function onSubmit(event: SubmitEvent) {
      if (sending.current) {
        // Already on its way: neither the router nor the browser sends it again.
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      }
      if (event.defaultPrevented) return;
      sending.current = true;
      if (event.submitter === ref.current) setPressed(true);
    }
    form.addEventListener("submit", onSubmit);
    return () => form.removeEventListener("submit", onSubmit);
  }, []);

  // The request's end frees the form: seen busy, then idle again.
  useEffect(() => {
    if (!sending.current) return;
    if (requestState !== "idle") {
      seenBusy.current = true;
      return;
    }
    if (seenBusy.current) {
      seenBusy.current = false;
      sending.current = false;
      setPressed(false);
    }
  }, [requestState]);

  const busy = pressed;
  return (
    <button
      ref={ref}
      type="submit"
      aria-busy={busy || undefined}
      aria-disabled={busy || undefined}
      disabled={disabled}
      className={`inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-lg px-4 py-2 font-semibold focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-sea-700 disabled:opacity-60 ${looks[variant]} ${className}`}
      {...button}
    >
      {busy ? (
        <>
          <span aria-hidden="true" className="inline-block h-4 w-4 shrink-0 animate-spin rounded-full border-2 border-current border-r-transparent motion-reduce:animate-none" />
          <span className={iconOnly ? "sr-only" : undefined}>{busyLabel}</span>
        </>
      ) : (
        children
      )}
    </button>
  );
}
